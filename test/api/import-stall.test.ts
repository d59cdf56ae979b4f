import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_VERSION, openApp, type App } from '../../src/main/app';
import { startApiServer, type ApiServer } from '../../src/main/api/server';
import { createKeyFile } from '../../src/main/keychain/key-file';
import { MAX_IMPORT_FILE_BASE64 } from '../../src/shared/contract/import';
import { client } from './support/http';
import { slotPackedAegis } from './support/hostile-import';
import { codeAt, enrollUser } from './support/totp';

const IMPORT_TIME_LIMIT_MS = 6_000;
let dir: string;
let app: App | undefined;
let server: ApiServer | undefined;
afterEach(async () => {
  await server?.close();
  app?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The app and its API in this process: the import shares a thread with the API unless moved. */
async function start() {
  dir = mkdtempSync(join(tmpdir(), 'tessera-stall-'));
  const keyFile = join(dir, 'master.key');
  await createKeyFile(keyFile);
  app = await openApp({
    dataDir: join(dir, 'data'),
    keychainService: 'unused',
    keyFile,
    clock: Date.now,
    importTimeoutMs: IMPORT_TIME_LIMIT_MS,
  });
  server = await startApiServer({ services: app.mfa, version: APP_VERSION, port: 0 });
  const created = await app.mfa.clients.create('stall', 'client');
  return { app, api: client(server.url!, created.key) };
}

describe('an import that would stall the server', () => {
  it('is refused within its limits, and /v1/health and a verify are answered while it is read', async () => {
    const { app, api } = await start();
    const user = await enrollUser(api, 'stall-user');
    let ended = false;
    const importing = app
      .router('web')('import.previewFile', {
        dataBase64: slotPackedAegis(MAX_IMPORT_FILE_BASE64),
        fileName: 'aegis-export.json',
        password: 'not the password',
      })
      .finally(() => (ended = true));

    const verify = await api.post(`/v1/users/${user.userId}/verify`, {
      code: codeAt(user.secret, 1),
    });
    expect(ended).toBe(false);
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ valid: true });
    let answered = 0;
    while (!ended) {
      const health = await api.get('/v1/health');
      expect(health.status).toBe(200);
      answered += ended ? 0 : 1;
    }
    expect(answered).toBeGreaterThan(1);

    const answer = await importing;
    expect(answer.ok).toBe(false);
    // The worker's time limit stops it, unless the per-file cap on key derivations refuses it first.
    expect(['IMPORT_TIMEOUT', 'IMPORT_UNSAFE_PARAMETERS']).toContain(
      answer.ok ? 'ok' : answer.error.code,
    );
  }, 120_000);
});
