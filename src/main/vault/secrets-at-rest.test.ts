import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bytesToBase32 } from '../../shared/secret';
import { DATABASE_FILE } from '../config';
import { openTempApp, type TempApp } from '../testing/temp-app';

let temp: TempApp | undefined;
afterEach(() => temp?.dispose());

/** Every encoding a secret could leak in: base32 (both cases), hex, base64, base64url, raw bytes. */
function encodings(secret: Buffer): Buffer[] {
  const base32 = bytesToBase32(secret);
  const text = [
    base32,
    base32.toLowerCase(),
    secret.toString('hex'),
    secret.toString('hex').toUpperCase(),
    secret.toString('base64').replace(/=+$/, ''),
    secret.toString('base64url'),
  ];
  return [...text.map((s): Buffer => Buffer.from(s, 'latin1')), secret];
}

describe('secrets at rest', () => {
  it('never appear in the database file or its WAL in any encoding', async () => {
    temp = await openTempApp();
    const secrets = Array.from({ length: 20 }, () => randomBytes(20));
    for (const [i, secret] of secrets.entries()) {
      temp.app.vault.add({
        issuer: `Issuer ${i}`,
        name: `user${i}@example.com`,
        secret: bytesToBase32(secret),
      });
    }
    const files = [DATABASE_FILE, `${DATABASE_FILE}-wal`].map((f) => join(temp!.dir, 'data', f));
    // Read the WAL while it is still full, then again after close has checkpointed it into the file.
    const snapshots = files.filter(existsSync).map((f) => readFileSync(f));
    temp.app.close();
    snapshots.push(...files.filter(existsSync).map((f) => readFileSync(f)));
    expect(snapshots.length).toBeGreaterThanOrEqual(2);
    expect(snapshots.some((s) => s.length > 0)).toBe(true);
    for (const snapshot of snapshots) {
      for (const secret of secrets) {
        for (const needle of encodings(secret)) expect(snapshot.includes(needle)).toBe(false);
      }
      // Sanity check of the scan itself: the plaintext labels are not visible either.
      expect(snapshot.includes(Buffer.from('user0@example.com'))).toBe(false);
    }
  });
});
