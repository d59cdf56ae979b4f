// The bench's server process: the app and its API in one process, as the desktop app and
// `tessera web --api-port` run them. It prints the API's URL and a client key, then reads one
// command per line: `import` runs an import of a slot-packed Aegis export at the import channel's
// size cap and prints how it ended; `reset` and `delays` measure the event loop's delays.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { APP_VERSION, openApp } from '../../../src/main/app';
import { startApiServer } from '../../../src/main/api/server';
import { createKeyFile } from '../../../src/main/keychain/key-file';
import { MAX_IMPORT_FILE_BASE64 } from '../../../src/shared/contract/import';
import { slotPackedAegis } from '../../../test/api/support/hostile-import';

async function main(): Promise<void> {
  const [dir, timeLimit] = process.argv.slice(2);
  const keyFile = join(dir!, 'master.key');
  await createKeyFile(keyFile);
  const app = await openApp({
    dataDir: join(dir!, 'data'),
    keychainService: 'unused',
    keyFile,
    clock: Date.now,
    importTimeoutMs: Number(timeLimit),
  });
  const server = await startApiServer({ services: app.mfa, version: APP_VERSION, port: 0 });
  const { key } = await app.mfa.clients.create('bench', 'client');
  const dataBase64 = slotPackedAegis(MAX_IMPORT_FILE_BASE64);
  process.stdout.write(`${JSON.stringify({ url: server.url, key })}\n`);
  // How long the main thread (the API's) was kept from its event loop, idle and while importing.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const delays = () => ({
    p99: Math.round(loopDelay.percentile(99) / 1e6),
    max: Math.round(loopDelay.max / 1e6),
  });
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'reset') loopDelay.reset();
    else if (line === 'delays') process.stdout.write(`${JSON.stringify(delays())}\n`);
    else if (line !== 'import') break;
    else {
      loopDelay.reset();
      const started = performance.now();
      const answer = await app.router('web')('import.previewFile', {
        dataBase64,
        fileName: 'aegis-export.json',
        password: 'not the password',
      });
      const code = answer.ok ? 'imported' : answer.error.code;
      const ms = Math.round(performance.now() - started);
      process.stdout.write(`${JSON.stringify({ code, ms, loopDelayMs: delays() })}\n`);
    }
  }
  await server.close();
  app.close();
}

void main();
