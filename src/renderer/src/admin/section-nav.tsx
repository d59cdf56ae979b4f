interface SectionNavProps<S extends string> {
  label: string;
  sections: readonly { id: S; title: string }[];
  current: NoInfer<S>;
  onChange(section: NoInfer<S>): void;
  className?: string;
}

/** A row of buttons that switch views; the current one is marked with aria-current="page". */
export function SectionNav<S extends string>({
  label,
  sections,
  current,
  onChange,
  className,
}: SectionNavProps<S>) {
  return (
    <nav aria-label={label} className={`section-nav ${className ?? ''}`}>
      {sections.map((section) => (
        <button
          key={section.id}
          type="button"
          className="section-nav-item"
          aria-current={section.id === current ? 'page' : undefined}
          onClick={() => onChange(section.id)}
        >
          {section.title}
        </button>
      ))}
    </nav>
  );
}

export type AppSection = 'vault' | 'admin';
export const APP_SECTIONS = [
  { id: 'vault', title: 'Authenticator' },
  { id: 'admin', title: 'MFA server' },
] as const satisfies readonly { id: AppSection; title: string }[];
