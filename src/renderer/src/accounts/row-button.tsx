import { Icon, type IconName } from '../ui/icons';

interface RowButtonProps {
  icon: IconName;
  /** The accessible name, e.g. "Copy code for GitHub (alice)". */
  name: string;
  /** Short hover tooltip. */
  tip: string;
  tabIndex: number;
  danger?: boolean;
  /** A toggle (e.g. favourite): its state, announced as pressed or not. */
  pressed?: boolean;
  onClick(): void;
}

/**
 * An icon button named by visually hidden text rather than aria-label: the name is the same
 * for screen readers, but label-based lookups ("Code for GitHub (alice)") then find only the
 * code itself, not also the "Copy code for ..." button.
 */
export function RowButton({ icon, name, tip, tabIndex, danger, pressed, onClick }: RowButtonProps) {
  return (
    <button
      type="button"
      className={`icon-button${danger ? ' icon-button-danger' : ''}`}
      title={tip}
      aria-pressed={pressed}
      tabIndex={tabIndex}
      onClick={onClick}
    >
      <Icon name={icon} filled={pressed === true} />
      <span className="visually-hidden">{name}</span>
    </button>
  );
}
