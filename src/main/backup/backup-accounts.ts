import type { Organisation } from '../../shared/organisation';
import type { AccountRepository, StoredAccount } from '../vault/account-repository';
import type { OrganisationRepository } from '../vault/organisation-repository';
import type {
  RecoveryCodeInput,
  RecoveryCodeRepository,
} from '../vault/recovery/recovery-code-repository';

/**
 * An account as a backup carries it: with its recovery codes and its organisation (note
 * included), in clear inside the encryption.
 */
export type BackupSource = StoredAccount & {
  recoveryCodes?: RecoveryCodeInput[];
  organisation?: Organisation;
};

export function backupAccounts(
  accounts: AccountRepository,
  recoveryCodes: RecoveryCodeRepository,
  organisation: OrganisationRepository,
): BackupSource[] {
  const organised = organisation.all();
  return accounts.list().map((account) => ({
    ...account,
    recoveryCodes: recoveryCodes.reveal(account.id).map(({ code, usedAt }) => ({ code, usedAt })),
    organisation: organised.get(account.id),
  }));
}
