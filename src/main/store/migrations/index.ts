import type { Migration } from '../migration';
import { vaultAccounts } from './0001-vault-accounts';
import { apiClients } from './0002-api-clients';
import { mfaUsers } from './0003-mfa-users';
import { mfaBackupCodes } from './0004-mfa-backup-codes';
import { auditEvents } from './0005-audit-events';
import { auditEventsLeanIndexes } from './0006-audit-events-lean-indexes';
import { mfaTotpAccepts } from './0007-mfa-totp-accepts';
import { auditAccepts } from './0008-audit-accepts';
import { mfaLastStep } from './0009-mfa-last-step';
import { vaultKey } from './0010-vault-key';
import { recoveryCodes } from './0011-recovery-codes';
import { vaultOrganisation } from './0012-vault-organisation';

/** In order; append only. A database whose version is past the end of this list is refused. */
export const migrations: readonly Migration[] = [
  vaultAccounts,
  apiClients,
  mfaUsers,
  mfaBackupCodes,
  auditEvents,
  auditEventsLeanIndexes,
  mfaTotpAccepts,
  auditAccepts,
  mfaLastStep,
  vaultKey,
  recoveryCodes,
  vaultOrganisation,
];
