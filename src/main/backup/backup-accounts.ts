import type { AccountRepository, StoredAccount } from '../vault/account-repository';
import type {
  RecoveryCodeInput,
  RecoveryCodeRepository,
} from '../vault/recovery/recovery-code-repository';

/** An account as a backup carries it: with its recovery codes, in clear inside the encryption. */
export type BackupSource = StoredAccount & { recoveryCodes?: RecoveryCodeInput[] };

export function backupAccounts(
  accounts: AccountRepository,
  recoveryCodes: RecoveryCodeRepository,
): BackupSource[] {
  return accounts.list().map((account) => ({
    ...account,
    recoveryCodes: recoveryCodes.reveal(account.id).map(({ code, usedAt }) => ({ code, usedAt })),
  }));
}
