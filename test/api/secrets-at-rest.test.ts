import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTER } from './support/cli';
import { freshUser, startFixture, type Fixture } from './support/fixture';
import { codeAt, enrollUser, type Enrolled } from './support/totp';
import { base32ToBytes } from '../../src/shared/secret';

let f: Fixture;
const users: Enrolled[] = [];
beforeAll(async () => {
  f = await startFixture();
  for (let i = 0; i < 5; i++) users.push(await enrollUser(f.a, freshUser()));
  // A pending (unconfirmed) enrollment's secret must not rest in plaintext either.
  const pendingId = freshUser();
  await f.a.put(`/v1/users/${pendingId}`, {});
  const pending = await f.a.post(`/v1/users/${pendingId}/totp?qr=none`, {});
  users.push({ userId: pendingId, secret: pending.body.secret as string, backupCodes: [] });
  await f.a.post(`/v1/users/${users[0]!.userId}/verify`, { code: users[0]!.backupCodes[0] });
  await f.a.post(`/v1/users/${users[1]!.userId}/verify`, { code: codeAt(users[1]!.secret, 1) });
});
afterAll(() => f?.close());

/** Every encoding a secret could leak in: text forms and the raw bytes. */
function encodings(value: string | Buffer): Buffer[] {
  const bytes = typeof value === 'string' ? Buffer.from(value) : value;
  const forms = [
    bytes,
    Buffer.from(bytes.toString('hex')),
    Buffer.from(bytes.toString('hex').toUpperCase()),
    Buffer.from(bytes.toString('base64')),
  ];
  forms.push(Buffer.from(bytes.toString('base64url')));
  return forms;
}

function needles(): { what: string; bytes: Buffer }[] {
  const out: { what: string; bytes: Buffer }[] = [];
  const add = (what: string, value: string | Buffer) =>
    encodings(value).forEach((bytes) => out.push({ what, bytes }));
  for (const u of users) {
    add(`secret of ${u.userId}`, u.secret);
    add(`secret bytes of ${u.userId}`, Buffer.from(base32ToBytes(u.secret)));
    for (const code of u.backupCodes) {
      add(`backup code of ${u.userId}`, code);
      add(`backup code of ${u.userId}`, code.replace(/-/g, ''));
    }
  }
  for (const key of [f.clientA.key, f.clientB.key, f.adminKey.key]) {
    add('api key', key);
    // Keys are tsk_<id>_<secret>; the secret is base64url and may itself hold '_'.
    add('api key secret', key.slice(key.indexOf('_', 'tsk_'.length) + 1));
    add('api key secret bytes', Buffer.from(key.slice(-43), 'base64url'));
  }
  return out;
}

describe('secrets at rest', () => {
  it.skipIf(ADAPTER !== 'postgres')(
    'no PostgreSQL table holds a TOTP secret, backup code or API key in any encoding',
    async () => {
      const db = new pg.Client({ connectionString: f.store.databaseUrl });
      await db.connect();
      try {
        const tables = await db.query<{ name: string }>(
          `SELECT quote_ident(table_name) AS name FROM information_schema.tables
           WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
        );
        expect(tables.rows.length).toBeGreaterThan(4);
        for (const { name } of tables.rows) {
          // Every row as JSON text, bytea as hex: the encodings() include hex forms.
          const rows = await db.query<{ row: string }>(
            `SELECT row_to_json(t)::text AS row FROM ${name} t`,
          );
          const raw = Buffer.from(rows.rows.map((r) => r.row).join('\n'));
          for (const { what, bytes } of needles())
            expect(raw.includes(bytes), `${what} found in table ${name}`).toBe(false);
        }
      } finally {
        await db.end();
      }
    },
  );

  it.skipIf(ADAPTER !== 'sqlite')(
    'the raw database and its -wal contain no TOTP secret, backup code or API key in any encoding',
    async () => {
      const db = join(f.store.dataDir, 'tessera.db');
      // Scan while the server runs (the WAL holds recent pages), then again after a clean stop.
      const scan = () => {
        for (const file of [db, `${db}-wal`]) {
          if (!existsSync(file)) continue;
          const raw = readFileSync(file);
          for (const { what, bytes } of needles())
            expect(raw.includes(bytes), `${what} found in ${file}`).toBe(false);
        }
      };
      expect(existsSync(`${db}-wal`)).toBe(true);
      scan();
      await f.server.stop();
      scan();
    },
  );
});
