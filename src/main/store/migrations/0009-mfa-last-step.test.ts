import Database from 'better-sqlite3-multiple-ciphers';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp } from '../../app';
import { DATABASE_FILE } from '../../config';
import { createKeyFile, readKeyFile } from '../../keychain/key-file';
import { callerOf } from '../../mfa/mfa-services';
import { createMfaKeys } from '../../mfa/mfa-keys';
import {
  columns,
  migratedTo,
  withWalFileAt,
  writeReleaseDatabase,
} from '../../mfa/testing/migrated-db';
import { stepAt } from '../../mfa/totp';
import { totpCodeAt } from '../../testing/totp-code';
import { mfaLastStep } from './0009-mfa-last-step';

const CLIENT_AND_USERS = `
  INSERT INTO api_clients (id, name, scope, key_hash, created_at) VALUES ('c', 'c', 'client', x'00', 0);
  INSERT INTO mfa_users (pk, client_id, user_id, created_at, updated_at, totp_factor_id, totp_folded_step, last_verified_at)
    VALUES (1, 'c', 'a', 0, 0, 'fa', 10, 500), (2, 'c', 'b', 0, 0, 'fb', 30, NULL), (3, 'c', 'c', 0, 0, 'fc', 5, NULL);`;

const accept = (pk: number, factor: string, step: number, at: number) =>
  `INSERT INTO audit_events (at, actor, event, outcome, accept_pk, accept_factor, accept_step)
     VALUES (${at}, 'x', 'verify.success', 'success', ${pk}, '${factor}', ${step});`;

describe('0009 mfa-last-step', () => {
  it('folds every accept the audit records into the rows, renames the guard and drops the accept bookkeeping', () => {
    const db = migratedTo(8);
    db.exec(`${CLIENT_AND_USERS}
      ${accept(1, 'fa', 11, 900)} ${accept(1, 'fa', 12, 1000)} ${accept(2, 'fb', 20, 800)} ${accept(3, 'old', 99, 700)}
      UPDATE mfa_accepts_folded SET through_audit_id = 1;`);
    mfaLastStep.up(db);
    expect(
      db.prepare('SELECT pk, totp_last_step, last_verified_at FROM mfa_users ORDER BY pk').all(),
    ).toEqual([
      // Folded, the one before the folded mark included (max: folding again changes nothing).
      { pk: 1, totp_last_step: 12, last_verified_at: 1000 },
      // Never lowered.
      { pk: 2, totp_last_step: 30, last_verified_at: 800 },
      // Another factor's accept guards nothing.
      { pk: 3, totp_last_step: 5, last_verified_at: null },
    ]);
    expect(columns(db, 'mfa_users')).not.toContain('totp_folded_step');
    expect(columns(db, 'audit_events')).not.toContain('accept_pk');
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE name = 'mfa_accepts_folded'").get(),
    ).toBeUndefined();
    expect(db.prepare('SELECT count(*) FROM audit_events').pluck().get()).toBe(4);
  });

  it('a process of the release before, still running, fails on its next accept instead of deciding without the log', async () => {
    await withWalFileAt(8, (older, file) => {
      older.exec(CLIENT_AND_USERS);
      const olderAccept = older.prepare(
        `INSERT INTO audit_events (at, actor, event, outcome, accept_pk, accept_factor, accept_step)
           VALUES (1, 'x', 'verify.success', 'success', 1, 'fa', 11)`,
      );
      const olderGuard = older.prepare('SELECT totp_folded_step FROM mfa_users WHERE pk = 1');
      const newer = new Database(file);
      mfaLastStep.up(newer);
      expect(() => olderAccept.run()).toThrow(/accept_pk/);
      expect(() => olderGuard.get()).toThrow(/totp_folded_step/);
      newer.close();
    });
  });

  it('upgrade: a step the release accepted (recorded on the audit only) is still refused through the API service', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-upgrade-'));
    try {
      const keyFile = join(dir, 'master.key');
      await createKeyFile(keyFile);
      const masterKey = await readKeyFile(keyFile);
      const dataDir = join(dir, 'data');
      mkdirSync(dataDir, { recursive: true });
      const keys = createMfaKeys(masterKey);
      const now = Date.UTC(2030, 0, 1);
      const step = stepAt(now);
      const secret = Buffer.from('0123456789abcdefghij');
      const keySecret = 'k'.repeat(43);
      writeReleaseDatabase(join(dataDir, DATABASE_FILE), masterKey, (db) => {
        db.prepare(
          `INSERT INTO api_clients (id, name, scope, key_hash, created_at) VALUES ('abcdefghijkl', 'app', 'client', ?, 0)`,
        ).run(keys.apiKeyHash(keySecret));
        db.prepare(
          `INSERT INTO mfa_users (pk, client_id, user_id, created_at, updated_at, totp_factor_id, totp_secret, totp_folded_step)
           VALUES (1, 'abcdefghijkl', 'alice', 0, 0, 'f1', ?, ?)`,
        ).run(keys.seal(secret, 'f1'), step - 5);
        // The release's verify of the current step: on its audit row only, not yet folded.
        db.exec(`${accept(1, 'f1', step, now)}
          UPDATE mfa_accepts_folded SET through_audit_id = 0;`);
      });
      const app = await openApp({ dataDir, keychainService: 'unused', keyFile, clock: () => now });
      try {
        const caller = callerOf(
          await app.mfa.clients.authenticate(`Bearer tsk_abcdefghijkl_${keySecret}`),
        );
        const replay = await app.mfa.verify
          .verify(caller, 'alice', totpCodeAt(secret, step))
          .catch((e: unknown) => (e as { code: string }).code);
        expect(replay).toBe('CODE_REPLAYED');
        const next = await app.mfa.verify.verify(caller, 'alice', totpCodeAt(secret, step + 1));
        expect(next.valid).toBe(true);
      } finally {
        await app.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
