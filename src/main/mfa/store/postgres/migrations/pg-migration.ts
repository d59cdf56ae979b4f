/** One numbered step of the PostgreSQL schema; applied once, in order, never edited afterwards. */
export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}
