import type { Migration } from '../migration';
import { vaultAccounts } from './0001-vault-accounts';

/** In order; append only. A database whose version is past the end of this list is refused. */
export const migrations: readonly Migration[] = [vaultAccounts];
