import {
  EMPTY_ORGANISATION,
  sortModeSchema,
  type Organisation,
  type SortMode,
} from '../../shared/organisation';
import type { Db } from '../store/database';
import { sealedFor, type VaultKeys } from './lock/vault-keys';

interface OrganisationRow {
  account_id: string;
  favourite: number;
  tags: string;
  note: string;
  last_used_at: string | null;
  custom_icon: string | null;
}

/** A note is personal: sealed with the vault key like secrets; an empty note is stored as ''. */
const openNote = (row: OrganisationRow, keys: () => VaultKeys): string =>
  row.note === ''
    ? ''
    : keys().open(row.note, sealedFor.accountNote(row.account_id)).toString('utf8');

function fromRow(row: OrganisationRow, keys: () => VaultKeys): Organisation {
  return {
    favourite: row.favourite === 1,
    tags: JSON.parse(row.tags) as string[],
    note: openNote(row, keys),
    lastUsedAt: row.last_used_at,
    customIcon: row.custom_icon,
  };
}

/** SQL for the organisation of accounts (migration 0012) and the list's sort setting. */
export function createOrganisationRepository(db: Db, keys: () => VaultKeys) {
  const statements = {
    all: db.prepare<[], OrganisationRow>('SELECT * FROM vault_account_organisation'),
    byId: db.prepare<[string], OrganisationRow>(
      'SELECT * FROM vault_account_organisation WHERE account_id = ?',
    ),
    // Writes only for an account that exists: no row is inserted for an unknown id.
    write: db.prepare(
      `INSERT INTO vault_account_organisation (account_id, favourite, tags, note, last_used_at, custom_icon)
       SELECT id, @favourite, @tags, @note, @lastUsedAt, @customIcon FROM vault_accounts WHERE id = @id
       ON CONFLICT (account_id) DO UPDATE SET favourite = excluded.favourite, tags = excluded.tags,
         note = excluded.note, last_used_at = excluded.last_used_at, custom_icon = excluded.custom_icon`,
    ),
    order: db.prepare<[], { id: string; position: number }>(
      'SELECT id, position FROM vault_accounts ORDER BY position, created_at',
    ),
    setPosition: db.prepare<[number, string]>(
      'UPDATE vault_accounts SET position = ? WHERE id = ?',
    ),
    getSetting: db.prepare<[string], { value: string }>(
      'SELECT value FROM vault_view_settings WHERE key = ?',
    ),
    putSetting: db.prepare<[string, string]>(
      'INSERT INTO vault_view_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
  };

  const get = (id: string): Organisation => {
    const row = statements.byId.get(id);
    return row ? fromRow(row, keys) : EMPTY_ORGANISATION;
  };
  const write = (id: string, o: Organisation): boolean =>
    statements.write.run({
      id,
      favourite: o.favourite ? 1 : 0,
      tags: JSON.stringify(o.tags),
      note:
        o.note === '' ? '' : keys().seal(Buffer.from(o.note, 'utf8'), sealedFor.accountNote(id)),
      lastUsedAt: o.lastUsedAt,
      customIcon: o.customIcon,
    }).changes === 1;

  /** Read, change, write in one transaction; false when the account does not exist. */
  const patch = db.transaction((id: string, changes: Partial<Organisation>): boolean =>
    write(id, { ...get(id), ...changes }),
  );

  /**
   * Moves `id` just before or after `anchorId` and renumbers positions densely; only the rows whose
   * position changed are written. Undefined when either account does not exist.
   */
  const move = db.transaction(
    (id: string, anchorId: string, place: 'before' | 'after'): string[] | undefined => {
      const rows = statements.order.all();
      const ids = rows.map((r) => r.id);
      if (!ids.includes(id) || !ids.includes(anchorId)) return undefined;
      const order = ids.filter((other) => other !== id);
      const at = order.indexOf(anchorId) + (place === 'after' ? 1 : 0);
      order.splice(at, 0, id);
      const positions = new Map(rows.map((r) => [r.id, r.position]));
      order.forEach((other, position) => {
        if (positions.get(other) !== position) statements.setPosition.run(position, other);
      });
      return order;
    },
  );

  return {
    /** Every organised account by id; accounts without a row have EMPTY_ORGANISATION. */
    all(): Map<string, Organisation> {
      return new Map(statements.all.all().map((row) => [row.account_id, fromRow(row, keys)]));
    },
    get,
    /** Sets everything at once (import, restore): inside the caller's transaction. */
    write,
    patch: (id: string, changes: Partial<Organisation>): boolean => patch.immediate(id, changes),
    move: (id: string, anchorId: string, place: 'before' | 'after') =>
      move.immediate(id, anchorId, place),
    /** Runs `fn` in one immediate transaction (the repositories' calls nest inside it). */
    atomically: <T>(fn: () => T): T => db.transaction(fn).immediate(),
    getSort(): SortMode {
      const parsed = sortModeSchema.safeParse(statements.getSetting.get('sort')?.value);
      return parsed.success ? parsed.data : 'manual';
    },
    setSort(sort: SortMode): void {
      statements.putSetting.run('sort', sort);
    },
  };
}

export type OrganisationRepository = ReturnType<typeof createOrganisationRepository>;
