import { Icon } from '../ui/icons';

export function AddAccountButton({ onClick }: { onClick(): void }) {
  return (
    <button type="button" className="button button-primary" onClick={onClick}>
      <Icon name="plus" />
      Add account
    </button>
  );
}
