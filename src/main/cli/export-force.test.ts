import {
  lstatSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createKeyFile } from '../keychain/key-file';
import { buildProgram } from './program';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tessera-export-'));
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

async function exportUris(out: string): Promise<void> {
  const keyFile = join(dir, 'key');
  await createKeyFile(keyFile);
  await buildProgram()
    .exitOverride()
    .parseAsync([
      'node',
      'tessera',
      'export',
      '--format',
      'uris',
      '--out',
      out,
      '--force',
      '--data-dir',
      join(dir, 'data'),
      '--key-file',
      keyFile,
    ]);
}

describe('export --force', () => {
  it('replaces a symlink with a new 0600 file and leaves the file it pointed to untouched', async () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious\n', { mode: 0o644 });
    const out = join(dir, 'export.txt');
    symlinkSync(victim, out);
    await exportUris(out);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(lstatSync(victim).mode & 0o777).toBe(0o644);
    const written = lstatSync(out);
    expect(written.isSymbolicLink()).toBe(false);
    expect(written.mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces an existing file whose mode was loose with a 0600 one', async () => {
    const out = join(dir, 'export.txt');
    writeFileSync(out, 'old export\n', { mode: 0o644 });
    await exportUris(out);
    expect(readFileSync(out, 'utf8')).not.toContain('old export');
    expect(lstatSync(out).mode & 0o777).toBe(0o600);
  });
});
