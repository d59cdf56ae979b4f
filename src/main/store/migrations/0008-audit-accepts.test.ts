import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { columns, migratedTo, withWalFileAt } from '../../mfa/testing/migrated-db';
import { auditAccepts } from './0008-audit-accepts';

const CLIENT_AND_USERS = `
  INSERT INTO api_clients (id, name, scope, key_hash, created_at) VALUES ('c', 'c', 'client', x'00', 0);
  INSERT INTO mfa_users (pk, client_id, user_id, created_at, updated_at, totp_factor_id, totp_folded_step, last_verified_at)
    VALUES (1, 'c', 'a', 0, 0, 'fa', 10, 500), (2, 'c', 'b', 0, 0, 'fb', 30, NULL), (3, 'c', 'c', 0, 0, 'fc', 5, NULL);`;

describe('0008 audit-accepts', () => {
  it('folds what the old log had not, drops it, and marks every audit row so far as folded', () => {
    const db = migratedTo(7);
    db.exec(`${CLIENT_AND_USERS}
      INSERT INTO audit_events (at, actor, event, outcome) VALUES (1, 'x', 'verify.success', 'success'), (2, 'x', 'verify.success', 'success');
      INSERT INTO mfa_totp_accepts (seq, user_pk, factor_id, step, at) VALUES
        (1, 1, 'fa', 11, 900), (2, 1, 'fa', 12, 1000), (3, 2, 'fb', 20, 800), (4, 3, 'old', 99, 700);`);
    auditAccepts.up(db);
    const rows = db
      .prepare('SELECT pk, totp_folded_step, last_verified_at FROM mfa_users ORDER BY pk')
      .all();
    expect(rows).toEqual([
      // The newest accept of the row's own factor, raised to.
      { pk: 1, totp_folded_step: 12, last_verified_at: 1000 },
      // Never lowered: the row already guards a later step.
      { pk: 2, totp_folded_step: 30, last_verified_at: 800 },
      // Another factor's accept (since reset) guards nothing.
      { pk: 3, totp_folded_step: 5, last_verified_at: null },
    ]);
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE name = 'mfa_totp_accepts'").get(),
    ).toBeUndefined();
    expect(columns(db, 'audit_events').slice(-3)).toEqual([
      'accept_pk',
      'accept_factor',
      'accept_step',
    ]);
    expect(db.prepare('SELECT through_audit_id FROM mfa_accepts_folded').pluck().get()).toBe(2);
  });

  it('a process of the version before, still running, fails on its next TOTP verify', async () => {
    await withWalFileAt(7, (older, file) => {
      older.exec(CLIENT_AND_USERS);
      // Its read of the log, which every TOTP decision of that version starts with.
      const olderCatchUp = older.prepare(
        'SELECT seq, user_pk, factor_id, step, at FROM mfa_totp_accepts WHERE seq > ? ORDER BY seq',
      );
      const newer = new Database(file);
      auditAccepts.up(newer);
      expect(() => olderCatchUp.all(0)).toThrow(/no such table: mfa_totp_accepts/);
      newer.close();
    });
  });
});
