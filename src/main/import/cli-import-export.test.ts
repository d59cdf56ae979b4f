import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TesseraError } from '../../shared/errors';
import { buildProgram } from '../cli/program';
import { createKeyFile } from '../keychain/key-file';
import { fullHdScreenshot, toPng } from '../qr/testing/qr-fixtures';
import { encodeMigrationUri } from './migration/migration-encode';

let dir: string;
let out: string[];
let err: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tessera-cli-'));
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

async function tessera(...args: string[]): Promise<void> {
  await buildProgram()
    .exitOverride()
    .parseAsync(['node', 'tessera', ...args]);
}
async function failure(...args: string[]): Promise<string> {
  try {
    await tessera(...args);
  } catch (error) {
    if (error instanceof TesseraError) return error.code;
    throw error;
  }
  return 'NO_ERROR';
}

const ga = [
  {
    issuer: 'GitHub',
    name: 'octo',
    secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
    type: 'totp',
    algorithm: 'SHA256',
    digits: 8,
    period: 30,
    counter: 0,
  },
  {
    issuer: 'Bank',
    name: 'me',
    secret: 'MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK',
    type: 'hotp',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 3,
  },
] as const;

describe('tessera import --dry-run --json', () => {
  it('prints the accounts in a QR screenshot, secrets only when asked, and needs no vault', async () => {
    const image = join(dir, 'export.png');
    writeFileSync(image, toPng(fullHdScreenshot([encodeMigrationUri([...ga])])));
    await tessera('import', image, '--dry-run', '--json');
    expect(JSON.parse(out.join(''))).toEqual([
      { type: 'totp', issuer: 'GitHub', name: 'octo', algorithm: 'SHA256', digits: 8, period: 30 },
      { type: 'hotp', issuer: 'Bank', name: 'me', algorithm: 'SHA1', digits: 6, counter: 3 },
    ]);
    out = [];
    await tessera('import', image, '--dry-run', '--json', '--show-secrets');
    expect(JSON.parse(out.join(''))[0].secret).toBe(ga[0].secret);
  });

  it('fails with a typed error for a file it cannot import', async () => {
    const fake = join(dir, 'fake.jpg');
    writeFileSync(fake, 'just text');
    expect(await failure('import', fake, '--dry-run', '--json')).toBe('IMPORT_NOT_AN_IMAGE');
    expect(out.join('')).toBe('');
  });
});

describe('tessera export and import against a vault', () => {
  // Three imports, each in a fresh worker thread: allow for slow starts on a busy machine.
  it(
    'exports an encrypted backup and plain links, and imports the backup into a fresh vault',
    { timeout: 90_000 },
    async () => {
      const keyFile = join(dir, 'key');
      await createKeyFile(keyFile);
      const store = ['--data-dir', join(dir, 'data'), '--key-file', keyFile];
      const links = join(dir, 'links.txt');
      writeFileSync(
        links,
        ga
          .map(
            (a) =>
              `otpauth://${a.type}/${a.issuer}:${a.name}?secret=${a.secret}&algorithm=${a.algorithm}&digits=${a.digits}&counter=${a.counter}`,
          )
          .join('\n'),
      );
      await tessera('import', links, ...store);
      expect(out.join('')).toMatch(/Imported 2 accounts/);

      const pw = join(dir, 'pw');
      writeFileSync(pw, 'a long backup password\n');
      const backup = join(dir, 'vault.tessera');
      const exportBackup = [
        'export',
        '--format',
        'tessera',
        '--out',
        backup,
        '--password-file',
        pw,
      ];
      await tessera(...exportBackup, ...store);
      expect(statSync(backup).mode & 0o777).toBe(0o600);
      expect(readFileSync(backup, 'utf8')).not.toContain(ga[0].secret);
      // The second export finds the file there and refuses to overwrite it.
      expect(await failure(...exportBackup, ...store)).toBe('EXPORT_FAILED');

      const uris = join(dir, 'uris.txt');
      await tessera('export', '--format', 'uris', '--out', uris, ...store);
      expect(err.join('')).toMatch(/plain text/);
      expect(readFileSync(uris, 'utf8')).toContain(ga[1].secret);

      const fresh = ['--data-dir', join(dir, 'fresh'), '--key-file', keyFile];
      expect(await failure('import', backup, ...fresh)).toBe('IMPORT_PASSWORD_REQUIRED');
      out = [];
      await tessera('import', backup, '--password-file', pw, '--json', ...fresh);
      expect(JSON.parse(out.join(''))).toMatchObject({ imported: 2, skipped: [] });
    },
  );
});
