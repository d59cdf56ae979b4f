import { useEffect, useState } from 'react';
import type { AccountView } from '../../../shared/account';
import type { RecoverySummary } from '../../../shared/contract/recovery';
import { call } from '../bridge/bridge';
import { ModalDialog } from '../ui/modal-dialog';
import { useToast } from '../ui/toast';
import { accountLabel } from '../vault/account-label';
import { asTesseraError } from '../vault/vault-context';
import { RecoveryCodeList } from './recovery-code-list';
import { RecoveryPasteForm } from './recovery-paste-form';
import { LOW_RECOVERY_CODES } from '../../../shared/recovery-codes';
import '../lock/lock.css';

/** An account's recovery codes: how many are left, reveal, mark used, paste a new set. */
export function RecoveryCodesDialog({
  account,
  onClose,
}: {
  account: AccountView;
  onClose(): void;
}) {
  const notify = useToast();
  const [summary, setSummary] = useState<RecoverySummary | null>(null);
  const [revealed, setRevealed] = useState<Map<string, string> | null>(null);
  const label = accountLabel(account);

  useEffect(() => {
    call('recovery.summary', { accountId: account.id }).then(setSummary, (error: unknown) =>
      notify(asTesseraError(error).message, 'error'),
    );
  }, [account.id, notify]);

  const reveal = async () => {
    const { codes } = await call('recovery.reveal', { accountId: account.id });
    setRevealed(new Map(codes.map((c) => [c.id, c.code])));
  };
  const markUsed = async (id: string, position: number) => {
    try {
      setSummary(await call('recovery.markUsed', { id }));
      notify(`Recovery code ${position + 1} marked used.`, 'success');
    } catch (error) {
      notify(asTesseraError(error).message, 'error');
    }
  };

  return (
    <ModalDialog
      title={`Recovery codes for ${label}`}
      onClose={onClose}
      className="recovery-dialog"
    >
      {summary && summary.total > 0 && (
        <>
          <p className="recovery-count" role="status">
            {summary.left} of {summary.total} codes left
          </p>
          {summary.left <= LOW_RECOVERY_CODES && (
            <p className="field-hint field-hint-warning recovery-warning">
              {summary.left === 0 ? 'No recovery codes left.' : `Only ${summary.left} left.`} Get
              new recovery codes from {account.issuer || 'the service'} and paste them here.
            </p>
          )}
          <RecoveryCodeList
            summary={summary}
            revealed={revealed}
            onReveal={() =>
              void reveal().catch((e: unknown) => notify(asTesseraError(e).message, 'error'))
            }
            onHide={() => setRevealed(null)}
            onMarkUsed={(id, position) => void markUsed(id, position)}
          />
        </>
      )}
      {summary && (
        <RecoveryPasteForm
          accountId={account.id}
          replacing={summary.total > 0}
          onSaved={(next) => {
            setSummary(next);
            setRevealed(null);
            notify(`Saved ${next.total} recovery codes for ${label}.`, 'success');
          }}
        />
      )}
    </ModalDialog>
  );
}
