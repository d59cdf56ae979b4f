import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { columns, migratedTo, withWalFileAt } from '../../mfa/testing/migrated-db';
import { mfaTotpAccepts } from './0007-mfa-totp-accepts';

describe('0007 mfa-totp-accepts', () => {
  it('adds the accept log and renames the row guard, keeping its values', () => {
    const db = migratedTo(6);
    db.exec(`INSERT INTO api_clients (id, name, scope, key_hash, created_at) VALUES ('c', 'c', 'client', x'00', 0);
      INSERT INTO mfa_users (client_id, user_id, created_at, updated_at, totp_last_step) VALUES ('c', 'u', 0, 0, 42);`);
    mfaTotpAccepts.up(db);
    expect(columns(db, 'mfa_totp_accepts')).toEqual(['seq', 'user_pk', 'factor_id', 'step', 'at']);
    expect(db.prepare('SELECT totp_folded_step FROM mfa_users').pluck().get()).toBe(42);
    expect(columns(db, 'mfa_users')).not.toContain('totp_last_step');
  });

  it('a process of the version before, still running, fails on its next accept instead of replaying', async () => {
    await withWalFileAt(6, (older, file) => {
      older.exec(`INSERT INTO api_clients (id, name, scope, key_hash, created_at) VALUES ('c', 'c', 'client', x'00', 0);
        INSERT INTO mfa_users (client_id, user_id, created_at, updated_at, totp_factor_id, totp_last_step)
          VALUES ('c', 'u', 0, 0, 'f', 10);`);
      // Its conditional accept, prepared before the upgrade as the older version's was.
      const olderAccept = older.prepare(
        `UPDATE mfa_users SET totp_last_step = ? WHERE pk = 1 AND totp_factor_id = 'f' AND totp_last_step < ?`,
      );
      const newer = new Database(file);
      mfaTotpAccepts.up(newer);
      expect(() => olderAccept.run(11, 11)).toThrow(/no such column: totp_last_step/);
      newer.close();
    });
  });
});
