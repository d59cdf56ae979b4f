import { mfaSchema } from './0001-mfa-schema';
import type { PgMigration } from './pg-migration';

/** Every migration, by version (1, 2, …): append, never reorder or edit an applied one. */
export const pgMigrations: readonly PgMigration[] = [mfaSchema];
