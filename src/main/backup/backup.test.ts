import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportSummary } from '../../shared/contract/import';
import { openTempApp, type TempApp } from '../testing/temp-app';
import { exportEncryptedBackup, exportUriList } from './backup-export';
import { rpc as callChannel, rpcError as failingChannel } from '../testing/errors';

let temp: TempApp;
beforeEach(async () => {
  temp = await openTempApp();
});
afterEach(() => temp.dispose());

/** The envelope fields the tampering cases touch. */
interface Envelope {
  ciphertext: string;
  createdAt: string;
  version: number;
  kdf: { N: number };
  cipher: { tag: string; iv?: string };
}

const PASSWORD = 'correct horse battery staple';
const FAST = { N: 2 ** 12, r: 8, p: 1 };

const rpc = <T>(channel: string, input: unknown) => callChannel<T>(temp.app, channel, input);
const rpcError = (channel: string, input: unknown) => failingChannel(temp.app, channel, input);

function seed(): void {
  const v = temp.app.vault;
  v.add({ issuer: 'GitHub', name: 'octo', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' });
  v.add({
    issuer: 'AWS',
    name: 'root',
    secret: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU',
    algorithm: 'SHA512',
    digits: 8,
    period: 60,
  });
  const bank = v.add({
    issuer: 'Bank',
    name: 'me',
    secret: 'MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK',
    type: 'hotp',
    counter: 7,
  });
  v.hotpNext(bank.id);
  v.hotpNext(bank.id);
  v.add({
    issuer: 'Steam',
    name: 'gamer',
    secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
    type: 'steam',
  });
}

const snapshot = () =>
  temp.app.accounts.list().map(({ id: _id, createdAt: _c, position: _p, ...rest }) => rest);

async function backupBytes(): Promise<Buffer> {
  return exportEncryptedBackup(temp.app.accounts.list(), {
    password: PASSWORD,
    now: new Date(),
    appVersion: 'test',
    scrypt: FAST,
  });
}

async function restore(bytes: Buffer, password: string): Promise<ImportSummary> {
  const preview = await rpc<ImportPreview>('import.previewFile', {
    dataBase64: bytes.toString('base64'),
    password,
  });
  return rpc<ImportSummary>('import.confirm', { id: preview.id });
}

function clearVault(): void {
  for (const a of temp.app.vault.list()) temp.app.vault.delete(a.id);
}

describe('encrypted Tessera backup', () => {
  it('round-trips every field, the order and HOTP counters (default scrypt, through the router)', async () => {
    seed();
    const before = snapshot();
    const { dataBase64, fileName } = await rpc<{ dataBase64: string; fileName: string }>(
      'export.backup',
      { password: PASSWORD },
    );
    expect(fileName).toMatch(/^tessera-backup-\d{4}-\d{2}-\d{2}\.tessera$/);
    const text = Buffer.from(dataBase64, 'base64').toString('utf8');
    for (const a of before) expect(text).not.toContain(a.secret);
    expect(JSON.parse(text)).toMatchObject({
      format: 'tessera-backup',
      version: 1,
      kdf: { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 },
    });

    clearVault();
    const summary = await restore(Buffer.from(dataBase64, 'base64'), PASSWORD);
    expect(summary).toMatchObject({
      imported: 4,
      skipped: [],
      format: 'Tessera backup (encrypted)',
    });
    expect(snapshot()).toEqual(before);
    expect(snapshot().find((a) => a.issuer === 'Bank')?.counter).toBe(9);
  });

  it('asks for the password, then refuses a wrong one and writes nothing', async () => {
    seed();
    const bytes = await backupBytes();
    clearVault();
    expect(
      (await rpcError('import.previewFile', { dataBase64: bytes.toString('base64') })).code,
    ).toBe('IMPORT_PASSWORD_REQUIRED');
    const wrong = await rpcError('import.previewFile', {
      dataBase64: bytes.toString('base64'),
      password: 'wrong password',
    });
    expect(wrong.code).toBe('IMPORT_WRONG_PASSWORD');
    expect(wrong.message).not.toMatch(/JBSW|wrong password/);
    expect(temp.app.vault.list()).toHaveLength(0);
  });

  it.each([
    [
      'a flipped ciphertext bit',
      (e: Envelope) => {
        const c = Buffer.from(e.ciphertext, 'base64');
        c[5]! ^= 1;
        e.ciphertext = c.toString('base64');
      },
      'IMPORT_WRONG_PASSWORD',
    ],
    [
      'a changed tag',
      (e: Envelope) => {
        const t = Buffer.from(e.cipher.tag, 'base64');
        t[0]! ^= 0x80;
        e.cipher.tag = t.toString('base64');
      },
      'IMPORT_WRONG_PASSWORD',
    ],
    [
      'a changed date in the header',
      (e: Envelope) => void (e.createdAt = '2001-01-01T00:00:00.000Z'),
      'IMPORT_WRONG_PASSWORD',
    ],
    ['weakened KDF parameters', (e: Envelope) => void (e.kdf.N = 2 ** 11), 'IMPORT_WRONG_PASSWORD'],
    [
      'a KDF asking for gigabytes',
      (e: Envelope) => void (e.kdf.N = 2 ** 24),
      'IMPORT_UNSAFE_PARAMETERS',
    ],
    ['a missing field', (e: Envelope) => void delete e.cipher.iv, 'IMPORT_MALFORMED'],
    ['a newer format version', (e: Envelope) => void (e.version = 2), 'IMPORT_UNSUPPORTED_VERSION'],
  ])('refuses a backup with %s and writes nothing', async (_name, tamper, code) => {
    seed();
    const envelope = JSON.parse((await backupBytes()).toString('utf8')) as Envelope;
    tamper(envelope);
    clearVault();
    const bytes = Buffer.from(JSON.stringify(envelope));
    expect(
      (
        await rpcError('import.previewFile', {
          dataBase64: bytes.toString('base64'),
          password: PASSWORD,
        })
      ).code,
    ).toBe(code);
    expect(temp.app.vault.list()).toHaveLength(0);
  });

  it('refuses a truncated backup', async () => {
    seed();
    const bytes = await backupBytes();
    const cut = bytes.subarray(0, bytes.length - 40);
    expect(
      (
        await rpcError('import.previewFile', {
          dataBase64: cut.toString('base64'),
          password: PASSWORD,
        })
      ).code,
    ).toBe('IMPORT_TRUNCATED');
  });

  it('restores into a vault that already has accounts, after them, and flags duplicates', async () => {
    seed();
    const bytes = await backupBytes();
    temp.app.vault.delete(temp.app.vault.list()[1]!.id);
    const summary = await restore(bytes, PASSWORD);
    expect(summary.imported).toBe(1);
    expect(summary.skipped).toHaveLength(3);
    expect(temp.app.vault.list().map((a) => a.issuer)).toEqual(['GitHub', 'Bank', 'Steam', 'AWS']);
  });

  it('refuses a short export password', async () => {
    expect((await rpcError('export.backup', { password: 'short' })).code).toBe('VALIDATION_FAILED');
  });
});

describe('plain exports', () => {
  it('exports otpauth links that import back to the same accounts', async () => {
    seed();
    const before = snapshot();
    const { text } = await rpc<{ text: string }>('export.uris', { acknowledgedPlaintext: true });
    expect(text).toBe(exportUriList(temp.app.accounts.list()));
    expect(text.trim().split('\n')).toHaveLength(4);
    expect((await rpcError('export.uris', {})).code).toBe('VALIDATION_FAILED');
    clearVault();
    const preview = await rpc<ImportPreview>('import.previewFile', {
      dataBase64: Buffer.from(text).toString('base64'),
    });
    await rpc('import.confirm', { id: preview.id });
    expect(snapshot()).toEqual(before);
  });

  it('shows one account as an otpauth link and a QR code', async () => {
    seed();
    const id = temp.app.vault.list()[0]!.id;
    const { uri, svg } = await rpc<{ uri: string; svg: string }>('export.accountQr', { id });
    expect(uri).toMatch(/^otpauth:\/\/totp\/GitHub:octo\?secret=JBSWY3DPEHPK3PXP/);
    expect(svg).toMatch(/^<svg/);
    expect((await rpcError('export.accountQr', { id: 'missing' })).code).toBe('NOT_FOUND');
  });
});
