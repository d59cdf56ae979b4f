import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../shared/contract/import';
import { rpc } from '../../testing/errors';
import { openTempApp, type TempApp } from '../../testing/temp-app';
import { aegisFormat } from './aegis/aegis';
import { aegisContent, aegisPlain } from './aegis/fixtures';
import { enteFormat } from './ente/ente';
import { enteEncrypted, enteLines } from './ente/fixtures';
import { run } from './test-support/run';
import { twoFasFormat } from './two-fas/two-fas';
import { twoFasServices } from './two-fas/fixtures';

let temp: TempApp;
beforeEach(async () => {
  temp = await openTempApp();
});
afterEach(() => temp.dispose());

async function importText(text: string, password?: string) {
  const preview = await rpc<ImportPreview>(temp.app, 'import.previewFile', {
    dataBase64: Buffer.from(text).toString('base64'),
    ...(password ? { password } : {}),
  });
  await rpc(temp.app, 'import.confirm', { id: preview.id });
  return temp.app.vault.list();
}

function twoFasWithGroups(): string {
  const services = twoFasServices() as Record<string, unknown>[];
  // 2FAS's own order is the reverse of the file's; GitHub is in a group.
  services.forEach((s, i) => (s.order = { position: services.length - 1 - i }));
  services[0]!.groupId = 'g-1';
  return JSON.stringify({
    services,
    groups: [{ id: 'g-1', name: 'Code hosting', isExpanded: true }],
    schemaVersion: 4,
  });
}

describe('importers carry over what the source app had', () => {
  it('Aegis: groups (v3 ids and v2 names) become tags; favourites and notes come along', async () => {
    const content = aegisContent();
    const entries = content.entries as Record<string, unknown>[];
    entries[0]!.favorite = true;
    entries[0]!.note = 'Personal account';
    const result = await run(aegisFormat, aegisPlain(content));
    expect(result.entries[0]?.organisation).toEqual({
      tags: ['Work'],
      favourite: true,
      note: 'Personal account',
    });
    expect(result.entries[1]?.organisation).toMatchObject({ tags: ['Work'], favourite: false });
    const v2 = { version: 2, entries: [{ ...entries[0], groups: undefined, group: 'Home' }] };
    expect((await run(aegisFormat, aegisPlain(v2))).entries[0]?.organisation?.tags).toEqual([
      'Home',
    ]);

    const [github] = await importText(aegisPlain(content));
    expect(github).toMatchObject({ issuer: 'GitHub', favourite: true, tags: ['Work'] });
  });

  it('2FAS: groups become tags and the accounts keep 2FAS order', async () => {
    const result = await run(twoFasFormat, twoFasWithGroups());
    expect(result.entries[0]?.organisation).toEqual({ tags: ['Code hosting'], position: 3 });
    const views = await importText(twoFasWithGroups());
    expect(views.map((v) => v.issuer)).toEqual(['Steam', 'Bank', 'GitHub']);
    expect(views.find((v) => v.issuer === 'GitHub')?.tags).toEqual(['Code hosting']);
  });

  it('Ente: tags and pins from codeDisplay, in the encrypted and the plain export', async () => {
    const result = await run(enteFormat, await enteEncrypted('pw'), { password: 'pw' });
    expect(result.entries[0]?.organisation).toEqual({ favourite: true, tags: ['work'] });
    expect(result.entries[1]?.organisation).toBeUndefined();
    const views = await importText(enteLines());
    expect(views[0]).toMatchObject({ issuer: 'GitHub', favourite: true, tags: ['work'] });
  });
});
