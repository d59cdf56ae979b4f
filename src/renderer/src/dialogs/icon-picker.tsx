import { useRef, useState } from 'react';
import type { AccountView } from '../../../shared/account';
import { AccountAvatar } from '../brand-icons/account-avatar';
import { bytesToBase64 } from '../import/file-bytes';
import { asTesseraError, useVault } from '../vault/vault-context';

/**
 * The account's picture: the issuer's icon by default, or an image the person picks (main checks
 * it is an image and re-encodes it small). Applies at once; errors show under the buttons.
 */
export function IconPicker({ account }: { account: AccountView }) {
  const vault = useVault();
  const input = useRef<HTMLInputElement>(null);
  const [current, setCurrent] = useState(account.customIcon);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const run = async (change: () => Promise<AccountView>) => {
    setBusy(true);
    setError(undefined);
    try {
      setCurrent((await change()).customIcon);
    } catch (e) {
      setError(asTesseraError(e).message);
    } finally {
      setBusy(false);
    }
  };
  const pick = (file: File | undefined) => {
    if (!file) return;
    void run(async () =>
      vault.setIcon(account.id, bytesToBase64(new Uint8Array(await file.arrayBuffer()))),
    );
    if (input.current) input.current.value = '';
  };

  return (
    <fieldset className="icon-picker" aria-describedby={error ? 'icon-picker-error' : undefined}>
      <legend>Icon</legend>
      <AccountAvatar issuer={account.issuer} name={account.name} customIcon={current} />
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => input.current?.click()}
      >
        Choose image…
      </button>
      {current && (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void run(() => vault.clearIcon(account.id))}
        >
          Use the issuer's icon
        </button>
      )}
      <input
        ref={input}
        type="file"
        hidden
        aria-label="Icon image file"
        accept="image/png,image/jpeg,image/webp,image/gif"
        onChange={(e) => pick(e.target.files?.[0])}
      />
      {error && (
        <p id="icon-picker-error" className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
