import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportPreview, ImportSummary } from '../../shared/contract/import';
import { buildProgram } from '../cli/program';
import { rpc as callChannel } from '../testing/errors';
import { openTempApp, type TempApp } from '../testing/temp-app';
import { encodeMigrationUri } from './migration/migration-encode';

/**
 * Real exports hold entries that share a secret or a name on purpose. Each one that differs in
 * any field is its own account; only an entry identical in every field is a repeat, shown as such
 * and still imported unless left out. The app's preview and `tessera import --dry-run --json`
 * say the same.
 */

const SHARED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
let temp: TempApp;
let dir: string;
let out: string[];
let err: string[];
beforeEach(async () => {
  temp = await openTempApp();
  dir = mkdtempSync(join(tmpdir(), 'tessera-repeats-'));
  out = [];
  err = [];
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
  return temp.dispose();
});

const rpc = <T>(channel: string, input: unknown) => callChannel<T>(temp.app, channel, input);
const preview = (text: string) =>
  rpc<ImportPreview>('import.previewFile', { dataBase64: Buffer.from(text).toString('base64') });

async function dryRun(text: string): Promise<Record<string, unknown>[]> {
  const file = join(dir, 'links.txt');
  writeFileSync(file, text);
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  await buildProgram()
    .exitOverride()
    .parseAsync(['node', 'tessera', 'import', file, '--dry-run', '--json', '--show-secrets']);
  vi.restoreAllMocks();
  return JSON.parse(out.join('')) as Record<string, unknown>[];
}

const link = (label: string, query = '') => `otpauth://totp/${label}?secret=${SHARED}${query}`;

describe('entries of one file that share a secret or a name', () => {
  it('a 20-entry file with one shared secret gives 20 accounts', async () => {
    const text = Array.from({ length: 20 }, (_, i) => link(`Test:user${i + 1}`)).join('\n');
    const shown = await preview(text);
    expect(shown.entries).toHaveLength(20);
    expect(shown.entries.every((e) => e.status === 'new')).toBe(true);
    const summary = await rpc<ImportSummary>('import.confirm', { id: shown.id });
    expect(summary.imported).toBe(20);
    expect(temp.app.vault.list()).toHaveLength(20);
    expect((await dryRun(text)).map((a) => a.name)).toEqual(
      Array.from({ length: 20 }, (_, i) => `user${i + 1}`),
    );
  });

  it('one secret under SHA-1 and SHA-256 gives 2 accounts', async () => {
    const text = [link('Site:me', '&algorithm=SHA1'), link('Site:me', '&algorithm=SHA256')].join(
      '\n',
    );
    const shown = await preview(text);
    expect(shown.entries.map((e) => [e.algorithm, e.status])).toEqual([
      ['SHA1', 'new'],
      ['SHA256', 'new'],
    ]);
    expect((await rpc<ImportSummary>('import.confirm', { id: shown.id })).imported).toBe(2);
    expect(temp.app.vault.list().map((a) => a.algorithm)).toEqual(['SHA1', 'SHA256']);
  });

  it('one name with two secrets, and one secret under two names, are separate accounts', async () => {
    const other = 'MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK';
    const text = [link('Site:me'), `otpauth://totp/Site:me?secret=${other}`, link('Other:you')];
    const shown = await preview(text.join('\n'));
    expect(shown.entries.map((e) => e.status)).toEqual(['new', 'new', 'new']);
  });

  it('an entry identical in every field is a repeat within the file, imported unless unticked', async () => {
    const text = [link('Site:me'), link('Site:me'), link('Site:me', '&digits=8')].join('\n');
    const shown = await preview(text);
    expect(shown.entries.map((e) => e.status)).toEqual(['new', 'repeat', 'new']);
    expect(shown.entries[1]!.reason).toMatch(/^Repeat within the file: .*entry 1/);
    const all = await rpc<ImportSummary>('import.confirm', { id: shown.id });
    expect(all.imported).toBe(3);

    const again = await preview(text);
    // Now all three are in the vault: flagged as duplicates as before, not written.
    expect(again.entries.map((e) => e.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    const left = await rpc<ImportSummary>('import.confirm', { id: again.id });
    expect(left.imported).toBe(0);

    const json = await dryRun(text);
    expect(json).toHaveLength(3);
    expect(json[0]).not.toHaveProperty('status');
    expect(json[1]).toMatchObject({ status: 'repeat', reason: shown.entries[1]!.reason });
    expect(err.join('')).toMatch(/Site \(me\): Repeat within the file/);
  });

  it('the preview and the dry run agree on what is imported and why anything is not', async () => {
    const text = [
      link('A:one'),
      link('A:one'),
      'otpauth://totp/Bad:entry?secret=not-base32!',
      link('B:two', '&period=60'),
    ].join('\n');
    const shown = await preview(text);
    const json = await dryRun(text);
    const imported = shown.entries.filter((e) => e.status === 'new' || e.status === 'repeat');
    expect(json.map((a) => [a.issuer, a.name, a.period, a.status ?? 'new'])).toEqual(
      imported.map((e) => [e.issuer, e.name, e.period, e.status]),
    );
    const skipped = shown.entries.find((e) => e.status === 'skipped')!;
    expect(err.join('')).toContain(`skipped ${skipped.label}: ${skipped.reason}`);
  });

  it('keeps two Google Authenticator exports that both say "batch 1 of 1", and an account repeated across them', async () => {
    const base = { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 } as const;
    const one = { ...base, issuer: 'A', name: 'x', secret: SHARED };
    const two = { ...base, issuer: 'B', name: 'y', secret: SHARED };
    const batch = { size: 1, index: 0, id: 0 };
    const first = encodeMigrationUri([one, two], batch);
    const second = encodeMigrationUri([one], batch);
    const shown = await preview([first, second, first].join('\n'));
    // The third line is the first scanned again: read once. The second is another export.
    expect(shown.entries.map((e) => [e.issuer, e.status])).toEqual([
      ['A', 'new'],
      ['B', 'new'],
      ['A', 'repeat'],
    ]);
  });
});
