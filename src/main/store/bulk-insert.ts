import type { Db } from './database';

/** Rows per INSERT: 64 rows of up to 10 columns stay far below SQLite's 32,766 parameters. */
const ROWS_PER_INSERT = 64;

/**
 * Inserts rows given flattened into one parameter list, as a few multi-row INSERTs: one
 * statement per 64 rows instead of one per row (the batch tails of the write queue). Returns the
 * rowid of the last row, or null when there was none.
 */
export function createBulkInsert(db: Db, table: string, columns: readonly string[]) {
  const statements = new Map<number, ReturnType<Db['prepare']>>();
  const row = `(${columns.map(() => '?').join(', ')})`;
  const insertOf = (rows: number) => {
    let statement = statements.get(rows);
    if (!statement) {
      const values = Array.from({ length: rows }, () => row).join(', ');
      statement = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`);
      statements.set(rows, statement);
    }
    return statement;
  };
  const width = columns.length;
  return (params: readonly unknown[]): number | null => {
    let last: number | null = null;
    for (let start = 0; start < params.length; start += ROWS_PER_INSERT * width) {
      const chunk = params.slice(start, start + ROWS_PER_INSERT * width);
      last = Number(insertOf(chunk.length / width).run(chunk).lastInsertRowid);
    }
    return last;
  };
}
