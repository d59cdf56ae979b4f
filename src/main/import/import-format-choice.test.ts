import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TesseraError } from '../../shared/errors';
import { buildProgram } from '../cli/program';
import { parseImportFile } from './detect';
import { andOtpOldEncrypted } from './formats/and-otp/fixtures';
import { ImportError } from './import-types';

/**
 * andOTP's old encrypted backups (before 0.6.3) have no header at all: nothing in the bytes says
 * andOTP. The person names the app ("Import from…" in the app, `--format` in the CLI) and the
 * password is tried.
 */

let dir: string;
let out: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tessera-format-'));
  out = [];
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

/** An old backup whose random nonce does not happen to read as the new layout's iteration count. */
function oldBackup(password: string): Uint8Array {
  for (;;) {
    const file = andOtpOldEncrypted(password);
    const head = new DataView(file.buffer, file.byteOffset, 4).getUint32(0);
    if (head < 1_000 || head > 10_000_000) return file;
  }
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return error instanceof TesseraError ? error.code : 'NO_ERROR';
}

describe('naming the source app', () => {
  it('reads an old andOTP encrypted backup once the app is named, then asks for the password', async () => {
    const file = oldBackup('hunter2');
    expect(await codeOf(parseImportFile(file))).toBe('IMPORT_UNRECOGNIZED');
    expect(await codeOf(parseImportFile(file, { format: 'andotp' }))).toBe(
      'IMPORT_PASSWORD_REQUIRED',
    );
    expect(await codeOf(parseImportFile(file, { format: 'andotp', password: 'nope' }))).toBe(
      'IMPORT_WRONG_PASSWORD',
    );
    const [result] = await parseImportFile(file, { format: 'andotp', password: 'hunter2' });
    expect(result!.entries.map((e) => e.draft?.issuer)).toEqual([
      'GitHub',
      'VPN',
      'Steam',
      'Dropbox',
    ]);
  });

  it('still reads a file by its content when another app was named', async () => {
    const [result] = await parseImportFile(
      new TextEncoder().encode('otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP'),
      {
        format: 'andotp',
      },
    );
    expect(result!.entries[0]!.draft?.issuer).toBe('A');
  });

  it('refuses an app name it does not know, listing the ones it does', async () => {
    const error = await parseImportFile(new Uint8Array([1]), { format: 'nope' }).catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe('IMPORT_UNRECOGNIZED');
    expect((error as ImportError).message).toMatch(/andotp/);
  });

  it('tessera import --format andotp --dry-run --json reads the old backup', async () => {
    const file = join(dir, 'otp_accounts.json.aes');
    writeFileSync(file, oldBackup('hunter2'));
    const pw = join(dir, 'pw');
    writeFileSync(pw, 'hunter2\n');
    vi.spyOn(process.stdout, 'write').mockImplementation((c) => (out.push(String(c)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const args = ['import', file, '--dry-run', '--json', '--password-file', pw];
    const program = () => buildProgram().exitOverride();
    expect(await codeOf(program().parseAsync(['node', 'tessera', ...args]))).toBe(
      'IMPORT_UNRECOGNIZED',
    );
    await program().parseAsync(['node', 'tessera', ...args, '--format', 'andotp']);
    expect(JSON.parse(out.join('')).map((a: { name: string }) => a.name)).toEqual([
      'alice',
      'bob',
      'gamer',
      'carol',
    ]);
  });
});
