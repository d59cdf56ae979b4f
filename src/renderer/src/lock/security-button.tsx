import { useState } from 'react';
import { Icon } from '../ui/icons';
import { useOptionalAppLock } from './lock-context';
import { SecurityDialog } from './security-dialog';
import './lock.css';

export function SecurityButton() {
  const lock = useOptionalAppLock();
  const [open, setOpen] = useState(false);
  if (!lock) return null;
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        <Icon name="key" />
        Security
      </button>
      {open && <SecurityDialog onClose={() => setOpen(false)} />}
    </>
  );
}
