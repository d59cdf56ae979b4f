import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountView } from '../../shared/account';
import { rpc as callChannel, rpcError as failingChannel } from '../testing/errors';
import { openTempApp, type TempApp } from '../testing/temp-app';
import { DATABASE_FILE } from '../config';

let now = Date.UTC(2026, 0, 1, 12, 0, 0);
let temp: TempApp;
beforeEach(async () => {
  temp = await openTempApp(() => now);
});
afterEach(() => temp.dispose());

const rpc = <T = AccountView>(channel: string, input: unknown) =>
  callChannel<T>(temp.app, channel, input);
const rpcError = (channel: string, input: unknown) => failingChannel(temp.app, channel, input);
const issuers = () => temp.app.vault.list().map((a) => a.issuer);

function seed(...names: string[]): AccountView[] {
  return names.map((issuer) =>
    temp.app.vault.add({ issuer, name: 'me', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' }),
  );
}

const png = (size: number) =>
  sharp({ create: { width: size, height: size, channels: 3, background: '#ff8800' } })
    .png()
    .toBuffer();

describe('organisation', () => {
  it('pins favourites on top and keeps a manual order, across a restart', async () => {
    const [a, b, c, d] = seed('A', 'B', 'C', 'D');
    await rpc('vault.setFavourite', { id: c!.id, favourite: true });
    expect(issuers()).toEqual(['C', 'A', 'B', 'D']);
    expect(await rpc('vault.move', { id: d!.id, anchorId: a!.id, place: 'before' })).toEqual({
      order: [d!.id, a!.id, b!.id, c!.id],
    });
    await rpc('vault.move', { id: a!.id, anchorId: b!.id, place: 'after' });
    expect(issuers()).toEqual(['C', 'D', 'B', 'A']);
    const app = await temp.reopen();
    expect(app.vault.list().map((v) => [v.issuer, v.favourite])).toEqual([
      ['C', true],
      ['D', false],
      ['B', false],
      ['A', false],
    ]);
    expect(app.vault.list().map((v) => v.position)).toEqual([3, 0, 1, 2]);
  });

  it('sets tags (trimmed, one per spelling) and a note through edit, and keeps them', async () => {
    const [a] = seed('GitHub');
    const view = await rpc('vault.update', {
      id: a!.id,
      issuer: 'GitHub',
      name: 'octo',
      note: 'Recovery email: the work one.\nSecond line',
      tags: [' Work ', 'work', 'Personal'],
    });
    expect(view).toMatchObject({ tags: ['Work', 'Personal'], note: expect.stringContaining('\n') });
    // A rename without tags or note leaves them as they are.
    await rpc('vault.update', { id: a!.id, issuer: 'GitHub', name: 'octocat' });
    const tagged = await rpc('vault.setTags', { id: a!.id, tags: ['Dev', 'Work'] });
    expect(tagged).toMatchObject({ name: 'octocat', tags: ['Dev', 'Work'] });
    const [reopened] = (await temp.reopen()).vault.list();
    expect(reopened).toMatchObject({ tags: ['Dev', 'Work'], note: view.note });
  });

  it('refuses each bad input with its own code and changes nothing', async () => {
    const [a, b] = seed('A', 'B');
    await rpc('vault.setTags', { id: a!.id, tags: ['keep'] });
    const before = temp.app.vault.list();
    const cases: [string, unknown, string][] = [
      ['vault.setTags', { id: a!.id, tags: ['x'.repeat(33)] }, 'TAG_TOO_LONG'],
      ['vault.setTags', { id: a!.id, tags: ['  '] }, 'TAG_INVALID'],
      ['vault.setTags', { id: a!.id, tags: ['a,b'] }, 'TAG_INVALID'],
      [
        'vault.setTags',
        { id: a!.id, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
        'TOO_MANY_TAGS',
      ],
      ['vault.setTags', { id: 'missing', tags: ['x'] }, 'NOT_FOUND'],
      [
        'vault.update',
        { id: a!.id, issuer: 'Z', name: 'z', note: 'n'.repeat(2001) },
        'NOTE_TOO_LONG',
      ],
      [
        'vault.update',
        { id: a!.id, issuer: 'Z', name: 'z', tags: ['y'.repeat(40)] },
        'TAG_TOO_LONG',
      ],
      ['vault.update', { id: 'missing', issuer: 'Z', name: 'z', tags: ['ok'] }, 'NOT_FOUND'],
      ['vault.setFavourite', { id: 'missing', favourite: true }, 'NOT_FOUND'],
      ['vault.move', { id: a!.id, anchorId: 'missing', place: 'after' }, 'NOT_FOUND'],
      ['vault.move', { id: a!.id, anchorId: a!.id, place: 'after' }, 'MOVE_INVALID'],
      ['vault.move', { id: a!.id, anchorId: b!.id, place: 'sideways' }, 'VALIDATION_FAILED'],
      ['vault.markUsed', { id: 'missing' }, 'NOT_FOUND'],
      ['vault.clearIcon', { id: 'missing' }, 'NOT_FOUND'],
      ['vault.setSort', { sort: 'colour' }, 'VALIDATION_FAILED'],
    ];
    for (const [channel, input, code] of cases) {
      const error = await rpcError(channel, input);
      expect([channel, error.code]).toEqual([channel, code]);
      expect(error.message.length).toBeGreaterThan(10);
    }
    expect(temp.app.vault.list()).toEqual(before);
  });

  it('records the last use and keeps the chosen sort', async () => {
    const [a, b] = seed('A', 'B');
    now += 60_000;
    expect(await rpc('vault.markUsed', { id: b!.id })).toEqual({
      id: b!.id,
      lastUsedAt: new Date(now).toISOString(),
    });
    expect(temp.app.vault.list().find((v) => v.id === a!.id)?.lastUsedAt).toBeNull();
    expect(await rpc('vault.getSort', {})).toEqual({ sort: 'manual' });
    await rpc('vault.setSort', { sort: 'lastUsed' });
    const app = await temp.reopen();
    expect(app.organisation.getSort()).toEqual({ sort: 'lastUsed' });
    expect(app.vault.list().find((v) => v.id === b!.id)?.lastUsedAt).toBe(
      new Date(now).toISOString(),
    );
  });

  it('re-encodes a custom image to a small PNG and refuses what is not an image', async () => {
    const [a] = seed('A');
    const big = await png(1000);
    const view = await rpc('vault.setIcon', { id: a!.id, dataBase64: big.toString('base64') });
    expect(view.customIcon).toMatch(/^data:image\/png;base64,/);
    const stored = Buffer.from(view.customIcon!.split(',')[1]!, 'base64');
    expect(await sharp(stored).metadata()).toMatchObject({ format: 'png', width: 64, height: 64 });

    const refusals: [unknown, string][] = [
      [
        { id: a!.id, dataBase64: Buffer.from('not a picture at all').toString('base64') },
        'ICON_NOT_AN_IMAGE',
      ],
      [
        {
          id: a!.id,
          dataBase64: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64'),
        },
        'ICON_NOT_AN_IMAGE',
      ],
      [{ id: a!.id, dataBase64: 'A'.repeat(3 * 1024 * 1024) }, 'ICON_TOO_LARGE'],
      [{ id: a!.id, dataBase64: (await png(5000)).toString('base64') }, 'ICON_TOO_LARGE'],
      [{ id: 'missing', dataBase64: big.toString('base64') }, 'NOT_FOUND'],
    ];
    for (const [input, code] of refusals)
      expect((await rpcError('vault.setIcon', input)).code).toBe(code);
    expect(temp.app.vault.list()[0]?.customIcon).toBe(view.customIcon);
    expect((await rpc('vault.clearIcon', { id: a!.id })).customIcon).toBeNull();
  });

  it('forgets the organisation of a deleted account', async () => {
    const [a] = seed('A');
    await rpc('vault.setTags', { id: a!.id, tags: ['x'] });
    temp.app.vault.delete(a!.id);
    const count = temp.app.db.prepare('SELECT count(*) FROM vault_account_organisation').pluck();
    expect(count.get()).toBe(0);
  });

  it('seals a note with the vault key, bound to its account', async () => {
    const [a, b] = seed('A', 'B');
    const note = 'my-private-note-4711';
    await rpc('vault.update', { id: a!.id, issuer: 'A', name: 'me', note, tags: [] });
    await rpc('vault.setTags', { id: b!.id, tags: ['x'] });
    const column = temp.app.db.prepare<[string], string>(
      'SELECT note FROM vault_account_organisation WHERE account_id = ?',
    );
    const sealed = column.pluck().get(a!.id)!;
    expect(sealed).not.toContain(note);
    expect(column.pluck().get(b!.id)).toBe('');
    expect(temp.app.organisationRepository.get(a!.id).note).toBe(note);
    // Moved to another account's row, the sealed note does not open.
    temp.app.db
      .prepare('UPDATE vault_account_organisation SET note = ? WHERE account_id = ?')
      .run(sealed, b!.id);
    expect(() => temp.app.organisationRepository.get(b!.id)).toThrow();
  });

  it('keeps notes and tags out of the database file and its WAL in clear', async () => {
    const [a] = seed('A');
    const note = 'my-private-note-4711';
    await rpc('vault.update', { id: a!.id, issuer: 'A', name: 'me', note, tags: ['tag-0815'] });
    const files = [DATABASE_FILE, `${DATABASE_FILE}-wal`].map((f) => join(temp.dir, 'data', f));
    const snapshots = files.filter(existsSync).map((f) => readFileSync(f));
    temp.app.close();
    snapshots.push(...files.filter(existsSync).map((f) => readFileSync(f)));
    expect(snapshots.some((s) => s.length > 0)).toBe(true);
    for (const snapshot of snapshots) {
      expect(snapshot.includes(Buffer.from(note))).toBe(false);
      expect(snapshot.includes(Buffer.from('tag-0815'))).toBe(false);
    }
  });
});
