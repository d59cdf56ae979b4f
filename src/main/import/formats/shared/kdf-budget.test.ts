import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, parseImportFile } from '../../detect';
import { ImportError } from '../../import-types';
import { aegisEncrypted } from '../aegis/fixtures';
import { KDF_FILE_LIMITS, withKdfBudget } from './kdf-budget';
import { argon2id, pbkdf2, scrypt } from './kdf';

const salt = new Uint8Array(16);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return error instanceof ImportError ? error.code : 'NO_ERROR';
}

/** Aegis password slots that the password does not open, each asking for a scrypt run. */
function decoySlots(count: number, n: number): unknown[] {
  return Array.from({ length: count }, (_, i) => ({
    type: 1,
    uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    key: '00'.repeat(32),
    key_params: { nonce: '00'.repeat(12), tag: '00'.repeat(16) },
    n,
    r: 8,
    p: 1,
    salt: '00'.repeat(32),
  }));
}

describe('the key-derivation work of one file is capped in total', () => {
  it('an import at the size cap packed with password slots is refused before any derivation', async () => {
    const slotBytes = JSON.stringify(decoySlots(1, 2 ** 15)[0]).length + 1;
    const slots = Math.floor((MAX_IMPORT_BYTES - 4096) / slotBytes);
    const file = new TextEncoder().encode(
      aegisEncrypted('pw', { extraSlots: decoySlots(slots, 2 ** 15) }),
    );
    expect(file.length).toBeLessThanOrEqual(MAX_IMPORT_BYTES);
    expect(file.length).toBeGreaterThan(MAX_IMPORT_BYTES * 0.9);
    const error = await parseImportFile(file, { password: 'pw' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe('IMPORT_UNSAFE_PARAMETERS');
    expect((error as ImportError).message).toMatch(/password slots/);
  }, 90_000);

  it('a file with a few slots within the cap still opens', async () => {
    const file = aegisEncrypted('pw', { extraSlots: decoySlots(3, 1024) });
    const [result] = await parseImportFile(new TextEncoder().encode(file), { password: 'pw' });
    expect(result!.entries.length).toBeGreaterThan(0);
  });

  it('refuses the derivation that would take the file over its total, whatever the kind', async () => {
    const limits = {
      ...KDF_FILE_LIMITS,
      scryptMaxWorkPerFile: 2 * 1024 * 8,
      pbkdf2MaxIterationsPerFile: 2_000,
      argon2MaxWorkKiBPerFile: 2 * 64,
    };
    const scryptOnce = () => scrypt('pw', salt, { n: 1024, r: 8, p: 1 }, 32, 'test');
    expect(
      await codeOf(
        withKdfBudget(async () => {
          await scryptOnce();
          await scryptOnce();
          await scryptOnce();
        }, limits),
      ),
    ).toBe('IMPORT_UNSAFE_PARAMETERS');
    const pbkdf2Once = () => pbkdf2('pw', salt, 1_000, 32, 'sha1', 'test');
    expect(
      await codeOf(
        withKdfBudget(async () => {
          await pbkdf2Once();
          await pbkdf2Once();
          await pbkdf2Once();
        }, limits),
      ),
    ).toBe('IMPORT_UNSAFE_PARAMETERS');
    const argonOnce = () =>
      argon2id('pw', salt, { memoryKiB: 64, iterations: 1, parallelism: 1 }, 32, 'test');
    expect(
      await codeOf(
        withKdfBudget(async () => {
          await argonOnce();
          await argonOnce();
          await argonOnce();
        }, limits),
      ),
    ).toBe('IMPORT_UNSAFE_PARAMETERS');
    // Each file starts afresh: two derivations per file, twice, is fine.
    for (let i = 0; i < 2; i++)
      await withKdfBudget(async () => {
        await scryptOnce();
        await scryptOnce();
      }, limits);
  });

  it('refuses more memory-hard derivations than password slots any app writes', async () => {
    const limits = { ...KDF_FILE_LIMITS, maxMemoryHardPerFile: 2 };
    const once = () => scrypt('pw', salt, { n: 16, r: 1, p: 1 }, 32, 'test');
    const error = await withKdfBudget(async () => {
      await once();
      await once();
      await once();
    }, limits).catch((e: unknown) => e);
    expect((error as ImportError).message).toMatch(/more than 2 password slots/);
  });
});
