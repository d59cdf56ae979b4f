import { useEffect, useRef } from 'react';
import { Icon } from '../ui/icons';

interface SearchBoxProps {
  value: string;
  onChange(value: string): void;
  /** ArrowDown leaves the box for the first matching account. */
  onEnterList(): void;
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/** Search as you type over issuer and account name. "/" or Ctrl+F jumps here from anywhere. */
export function SearchBox({ value, onChange, onEnterList }: SearchBoxProps) {
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const find = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f';
      if ((event.key === '/' && !isTyping(event.target)) || find) {
        if (document.querySelector('dialog[open]')) return;
        event.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="search">
      <Icon name="search" />
      <input
        ref={input}
        type="search"
        aria-label="Search accounts"
        placeholder="Search accounts  ( / )"
        value={value}
        autoComplete="off"
        spellCheck={false}
        data-focus-home
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            onEnterList();
          } else if (event.key === 'Escape' && value !== '') {
            onChange('');
          }
        }}
      />
    </div>
  );
}
