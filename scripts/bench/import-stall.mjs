// Latency of `GET /v1/health` and of a verify while an import is being read in the same process
// (a slot-packed Aegis export at the size cap, with a wrong password: without its worker and its
// time limit it would run for an hour), against the same requests on the idle server. The
// server process is bundled from the sources (scripts/bench/import-stall/host.ts) with its
// import worker beside it, as `npm run build` lays them out.
//
// Requests are paced (one health and one verify every PACE_MS), each verify a fresh valid code,
// so the figures are latencies of single requests, not throughput. The summary is the ratio of
// the p99 latency during the import to the idle one, per request kind.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { base32Decode, stepNow as step, totp } from './lib/totp.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, '.tmp', 'bench-import-stall');
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 4000);
const IMPORT_LIMIT_MS = Number(process.env.BENCH_IMPORT_LIMIT_MS ?? 10_000);
const PACE_MS = 20;
const USERS = 400;

const dir = mkdtempSync(join(tmpdir(), 'tessera-bench-stall-'));
let host;
process.on('exit', () => {
  host?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

await build({
  configFile: false,
  root,
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir,
    emptyOutDir: true,
    minify: false,
    rollupOptions: {
      input: {
        host: join(root, 'scripts/bench/import-stall/host.ts'),
        'import-worker': join(root, 'src/main/import/worker/import-worker.ts'),
      },
      output: { format: 'cjs', entryFileNames: '[name].js' },
    },
  },
});

host = spawn(process.execPath, [join(outDir, 'host.js'), dir, String(IMPORT_LIMIT_MS)], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const lines = createInterface({ input: host.stdout })[Symbol.asyncIterator]();
const nextLine = async () => JSON.parse((await lines.next()).value);
const { url, key } = await nextLine();

async function call(method, path, body) {
  const started = performance.now();
  const response = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => undefined);
  return { status: response.status, body: json, ms: performance.now() - started };
}

const users = [];
for (let i = 0; i < USERS; i++) {
  const userId = `stall-${i}`;
  await call('PUT', `/v1/users/${userId}`, {});
  const start = await call('POST', `/v1/users/${userId}/totp?qr=none`, {});
  const secret = base32Decode(start.body.secret);
  let confirm = await call('POST', `/v1/users/${userId}/totp/confirm`, {
    enrollmentId: start.body.enrollmentId,
    code: totp(secret, step() - 1),
  });
  if (confirm.status === 422)
    confirm = await call('POST', `/v1/users/${userId}/totp/confirm`, {
      enrollmentId: start.body.enrollmentId,
      code: totp(secret, step()),
    });
  users.push({ userId, secret, next: step() + 1 });
}

let turn = 0;
/** One health and one verify (a fresh valid code of the next user), PACE_MS apart, until stop(). */
async function sample(stop) {
  const health = [];
  const verify = [];
  let failures = 0;
  while (!stop()) {
    const user = users[turn++ % users.length];
    const s = Math.max(user.next, step());
    user.next = s + 1;
    const [h, v] = await Promise.all([
      call('GET', '/v1/health'),
      call('POST', `/v1/users/${user.userId}/verify`, { code: totp(user.secret, s) }),
    ]);
    health.push(h.ms);
    verify.push(v.ms);
    if (h.status !== 200 || v.status !== 200) failures++;
    await new Promise((resolve) => setTimeout(resolve, PACE_MS));
  }
  return { health, verify, failures };
}

const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const line = (name, values) =>
  `${name.padEnd(22)} n=${String(values.length).padStart(4)}  p50 ${pct(values, 50).toFixed(1)} ms  p99 ${pct(values, 99).toFixed(1)} ms  max ${Math.max(...values).toFixed(1)} ms`;

host.stdin.write('reset\n');
const idleUntil = performance.now() + IDLE_MS;
const idle = await sample(() => performance.now() > idleUntil);
host.stdin.write('delays\n');
const idleDelays = await nextLine();

let ended;
host.stdin.write('import\n');
const finished = nextLine().then((result) => (ended = result));
const during = await sample(() => ended !== undefined);
await finished;
host.stdin.end();

console.log(line('health, idle', idle.health));
console.log(line('verify, idle', idle.verify));
console.log(line('health, during import', during.health));
console.log(line('verify, during import', during.verify));
console.log(
  `import: ${ended.code} after ${ended.ms} ms (limit ${IMPORT_LIMIT_MS} ms); requests not answered 200: ${idle.failures + during.failures}`,
);
console.log(
  `server's event-loop delay: idle p99 ${idleDelays.p99} ms, max ${idleDelays.max} ms; during the import p99 ${ended.loopDelayMs.p99} ms, max ${ended.loopDelayMs.max} ms`,
);
for (const kind of ['health', 'verify']) {
  const ratio = pct(during[kind], 99) / pct(idle[kind], 99);
  console.log(`${kind} p99 during import / idle: ${ratio.toFixed(2)}`);
}
process.exit(idle.failures + during.failures === 0 && during.health.length > 0 ? 0 : 1);
