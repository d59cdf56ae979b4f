// Verify throughput of `tessera serve` against a bare fastify route returning JSON, measured in
// the same run with wrk (outside Node, so the load generator is not the bottleneck). Assumes
// `out/` is built.
//
// The baseline is a bare POST route driven by the very same wrk script as verify (same Lua work
// per request, same bodies). The two are measured in paired rounds, alternating which goes
// first, and the summary is the median of the rounds' ratios: on this shared 2-core machine one
// 3-second sample of either swings by a quarter from one minute to the next, and a pair measured
// back to back shares most of that swing. Every round is printed.
//
// Every measured request is a valid, never-used TOTP code of a distinct (user, time step): many
// users in random order, each verifying its codes of the current and the next step (both stay
// valid for 30 s or more), so neither replay nor lockout short-cuts the path, nor do neighbouring
// rows share pages.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { base32Decode, stepNow, totp } from './lib/totp.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The release before the MFA store port (issue 14): the "before" of the line count. */
const BEFORE_STORE = '3508b15';
export const bin = join(root, 'bin', 'tessera.cjs');
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
export const DURATION = Number(process.env.BENCH_SECONDS ?? 2);
// Two unused codes per user at first, and one more at each step change: 200k users cover five
// 2-second rounds (and a warm-up) at well over 40k verifies/s.
const USERS = Number(process.env.BENCH_USERS ?? 200_000);
export const CONNECTIONS = 32;
const WRK = process.env.WRK ?? 'wrk';

export const dir = mkdtempSync(join(tmpdir(), 'tessera-bench-'));
const children = [];
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

export function startServer(args, pattern) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    let out = '';
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
    child.stdout.on('data', (d) => {
      out += d;
      const m = pattern.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
  });
}

export const agent = new Agent({ keepAlive: true, maxSockets: 64 });
function call(url, method, path, key, body) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const headers = { authorization: `Bearer ${key}` };
    if (payload !== undefined)
      Object.assign(headers, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(payload),
      });
    const req = request(new URL(path, url), { method, headers, agent }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () =>
        resolve({ status: res.statusCode, body: text ? JSON.parse(text) : undefined }),
      );
    });
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

export async function enroll(url, key, userId) {
  await call(url, 'PUT', `/v1/users/${userId}`, key, {});
  const start = await call(url, 'POST', `/v1/users/${userId}/totp?qr=none`, key, {});
  const secret = base32Decode(start.body.secret);
  const confirmAt = (step) =>
    call(url, 'POST', `/v1/users/${userId}/totp/confirm`, key, {
      enrollmentId: start.body.enrollmentId,
      code: totp(secret, step),
    });
  let confirmed = stepNow() - 1;
  let res = await confirmAt(confirmed);
  // A step boundary passed between computing and checking: the previous step left the window.
  if (res.status === 422) res = await confirmAt((confirmed = stepNow() - 1));
  if (res.status !== 200)
    throw new Error(`confirm failed: ${res.status} ${JSON.stringify(res.body)}`);
  // The server counts a code for the latest step of its window (now ±1) that has it.
  const code = totp(secret, confirmed);
  const spent = [confirmed + 2, confirmed + 1].find((step) => totp(secret, step) === code);
  return { secret, confirmed: spent ?? confirmed };
}

/** A user's code at a step, computed once. */
function codeAt(user, step) {
  let code = user.codes.get(step);
  if (code === undefined) user.codes.set(step, (code = totp(user.secret, step)));
  return code;
}

/**
 * Whether another step that the server may search when this code arrives (within ±1 of its now,
 * which is within ±1 of the code's step) has the same code: about one code in 250,000. The
 * server may count such a code for that step (docs/api.md) and then refuse the other one as
 * used, rightly; those codes are left out, so that every code sent is one it must accept.
 */
const sharedWithNeighbour = (user, step) =>
  [-2, -1, 1, 2].some((d) => codeAt(user, step + d) === codeAt(user, step));

/**
 * The codes each user can still use for a while: of the current and the next step, those after
 * the last one it (maybe) spent. Each stays valid for 30 s or more, far longer than a round.
 * Listed step by step so every user's codes go out in ascending order.
 */
export function unusedCodes(users) {
  const now = stepNow();
  const byStep = [[], []];
  for (const user of users) {
    for (let step = Math.max(user.spent + 1, now); step <= now + 1; step++) {
      if (sharedWithNeighbour(user, step)) continue;
      byStep[step - now].push({ user, step, path: `/v1/users/${user.userId}/verify` });
    }
  }
  // Users in random order within a step, as logins arrive: in enrollment order, neighbouring
  // requests would share database pages, which real traffic does not.
  for (const codes of byStep) {
    for (let i = codes.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [codes[i], codes[j]] = [codes[j], codes[i]];
    }
  }
  return byStep.flat();
}

/**
 * After a verify run, the codes wrk may have sent: the answered ones and, beyond them, up to one
 * in flight per connection (and one per socket error), one further on still because wrk calls
 * `request()` once on its thread's script before the run, to check it. They are never offered
 * again.
 */
export function markSpent(codes, run) {
  const sent = Math.min(codes.length, 1 + run.requests + CONNECTIONS + run.socket_errors);
  for (let i = 0; i < sent; i++) {
    const { user, step } = codes[i];
    user.spent = Math.max(user.spent, step);
  }
}

export function luaScript(file, key, requests, wrap = false) {
  // The requests go in a data file: a Lua chunk may hold only 65536 constants.
  writeFileSync(
    `${file}.txt`,
    requests.map(({ user, step, path }) => `${path} ${codeAt(user, step)}`).join('\n') + '\n',
  );
  writeFileSync(
    file,
    `local reqs = {}
for line in io.lines("${file}.txt") do
  local path, code = line:match("^(%S+) (%S+)$")
  reqs[#reqs + 1] = { path, '{"code":"' .. code .. '"}' }
end
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer ${key}"
request = function()
  i = i + 1
  local r = reqs[i]
  if r == nil then
    ${wrap ? 'i = 1' : 'wrk.thread:stop()'}
    r = reqs[1]
  end
  return wrk.format(nil, r[1], nil, r[2])
end
${DONE_LUA}`,
  );
}

const DONE_LUA = `done = function(summary, latency, requests)
  local s = summary.errors
  io.write(string.format("RESULT {\\"requests\\":%d,\\"duration_us\\":%d,\\"p50_us\\":%d,\\"p99_us\\":%d,\\"non2xx\\":%d,\\"socket_errors\\":%d}\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), s.status, s.connect + s.read + s.write + s.timeout))
end`;

/** CPU seconds (user + system) a process has used so far, from /proc (Linux; 0 elsewhere). */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * One wrk run. Besides rate and latency it reports the server's CPU time per request, which,
 * unlike the rate, hardly depends on what else the shared machine is doing.
 */
function runWrk(url, script, pid, seconds) {
  const cpu0 = cpuSeconds(pid);
  const out = execFileSync(WRK, wrkArgs(url, script, seconds, CONNECTIONS), { encoding: 'utf8' });
  return wrkResult(out, cpuSeconds(pid) - cpu0);
}

export const wrkArgs = (url, script, seconds, connections) => [
  '-t1',
  `-c${connections}`,
  `-d${seconds}s`,
  '-s',
  script,
  url,
];

/** wrk's RESULT line (DONE_LUA), with the rate and the server's CPU time (s) per request. */
export function wrkResult(out, cpu) {
  const m = /RESULT (\{.*\})/.exec(out);
  if (!m) throw new Error(`unexpected wrk output:\n${out}`);
  const r = JSON.parse(m[1]);
  return {
    ...r,
    rps: r.requests / (r.duration_us / 1e6),
    cpuPerRequestUs: (cpu * 1e6) / Math.max(1, r.requests),
  };
}

/** The bare route: same framework, same JSON answer, nothing else. */
export const startBare = () =>
  startServer(
    [
      '-e',
      `const f = require('fastify')({ logger: false });
       f.post('/v1/users/:userId/verify', async () => ({ valid: true, required: true, method: 'totp', backupCodesRemaining: 10 }));
       f.listen({ host: '127.0.0.1', port: 0 }).then((a) => console.log('BARE ' + a));`,
    ],
    /BARE (http:\/\/[\d.:]+)/,
  );

async function main() {
  reportLines();
  execFileSync(process.execPath, [bin, 'keyfile', 'create', join(dir, 'master.key')]);
  const flags = ['--data-dir', join(dir, 'data'), '--key-file', join(dir, 'master.key')];
  const { key } = JSON.parse(
    execFileSync(process.execPath, [bin, 'clients', 'create', 'bench', '--json', ...flags], {
      encoding: 'utf8',
    }),
  );

  const bare = await startBare();

  // BENCH_PROFILE=dir writes a CPU profile of the API server there (on its SIGTERM exit right
  // after the last round). It covers the enrollment too: look at the window of verify samples.
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
    : [];
  const api = await startServer(
    [...profile, bin, 'serve', '--port', '0', ...flags],
    /listening on (http:\/\/[\d.:]+)/,
  );
  const t0 = Date.now();
  const users = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (next < USERS) {
        const userId = `bench-${next++}`;
        const { secret, confirmed } = await enroll(api.url, key, userId);
        users.push({ userId, secret, spent: confirmed, codes: new Map() });
      }
    }),
  );
  agent.destroy();
  process.stdout.write(`enrolled ${USERS} users in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);

  const verifyScript = join(dir, 'verify.lua');
  // The bare route does not care whether a code was used: its copy of the script wraps around.
  const bareScript = join(dir, 'bare.lua');
  const measureBare = (codes, seconds) => {
    luaScript(bareScript, key, codes, true);
    return runWrk(bare.url, bareScript, bare.child.pid, seconds);
  };
  const measureVerify = (seconds) => {
    const codes = unusedCodes(users);
    luaScript(verifyScript, key, codes);
    const run = runWrk(api.url, verifyScript, api.child.pid, seconds);
    markSpent(codes, run);
    if (run.requests >= codes.length - CONNECTIONS) {
      process.stdout.write(
        `warning: the ${codes.length} codes ran out before ${seconds} s; verify is faster than shown (raise BENCH_USERS)\n`,
      );
    }
    return run;
  };

  // Warm-up (JIT, caches), not counted.
  measureBare(unusedCodes(users), 1);
  measureVerify(1);

  const fmt = (r) =>
    `${r.rps.toFixed(0).padStart(6)} req/s  p50 ${ms(r.p50_us)}  p99 ${ms(r.p99_us)}  CPU ${r.cpuPerRequestUs.toFixed(0).padStart(2)} µs/req`;
  const rounds = [];
  for (let round = 1; round <= ROUNDS; round++) {
    // Alternating which goes first, so a drift of the machine's speed favours neither.
    let b, v;
    if (round % 2 === 1) {
      b = measureBare(unusedCodes(users), DURATION);
      v = measureVerify(DURATION);
    } else {
      v = measureVerify(DURATION);
      b = measureBare(unusedCodes(users), DURATION);
    }
    const r = { b, v, ratio: v.rps / b.rps, p99: v.p99_us / b.p99_us };
    rounds.push(r);
    process.stdout.write(
      `round ${round}  bare ${fmt(b)}  |  verify ${fmt(v)}  |  ratio ${r.ratio.toFixed(2)}  p99 ${r.p99.toFixed(2)}x\n`,
    );
    if (v.non2xx > 0) process.stdout.write(`warning: ${v.non2xx} verifies were not accepted\n`);
  }
  if (profile.length > 0) {
    // Its profile is written on the way out: wait for that before ours kills it.
    const exited = new Promise((resolve) => api.child.once('exit', resolve));
    api.child.kill('SIGTERM');
    await exited;
  }

  // The goals (issue 14), with synchronous=FULL: median ratio >= 0.5, p99 <= 2x the bare route's.
  const met = rounds.filter((r) => r.ratio >= 0.5 && r.p99 <= 2).length;
  process.stdout.write(
    `median  bare ${median(rounds.map((r) => r.b.rps)).toFixed(0)} req/s  p99 ${ms(median(rounds.map((r) => r.b.p99_us)))}` +
      `  |  verify ${median(rounds.map((r) => r.v.rps)).toFixed(0)} req/s  p99 ${ms(median(rounds.map((r) => r.v.p99_us)))}\n`,
  );
  const sum = (pick) => rounds.reduce((total, r) => total + pick(r.v), 0);
  process.stdout.write(
    `verifies not accepted: ${sum((v) => v.non2xx)}, socket errors: ${sum((v) => v.socket_errors)}\n`,
  );
  process.stdout.write(`rounds meeting both goals (>= 0.5x, p99 <= 2x): ${met} of ${ROUNDS}\n`);
  process.stdout.write(`p99 verify/bare: ${median(rounds.map((r) => r.p99)).toFixed(2)}\n`);
  process.stdout.write(`verify/bare ratio: ${median(rounds.map((r) => r.ratio)).toFixed(2)}\n`);
}

export const median = (values) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const ms = (us) => `${(us / 1000).toFixed(2)} ms`;

/** Production code: not a test, not in a testing/ folder. */
const isProduction = (path) =>
  path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.includes('/testing/');

/** Lines of src/main/mfa production code at a commit, by file. */
function linesAt(rev) {
  const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
  return git('ls-tree', '-r', '--name-only', rev, 'src/main/mfa')
    .split('\n')
    .filter(isProduction)
    .map((path) => [path, git('show', `${rev}:${path}`).split('\n').length - 1]);
}

/** Lines of src/main/mfa production code in the working tree, by file. */
function linesNow(dir = join(root, 'src/main/mfa')) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return linesNow(path);
    const relative = path.slice(root.length + 1);
    return isProduction(relative)
      ? [[relative, readFileSync(path, 'utf8').split('\n').length - 1]]
      : [];
  });
}

function reportLines() {
  const total = (files) => files.reduce((sum, [, n]) => sum + n, 0);
  const now = linesNow();
  const adapter = (name) => total(now.filter(([path]) => path.includes(`/store/${name}/`)));
  process.stdout.write(
    `src/main/mfa production lines: before (${BEFORE_STORE}) ${total(linesAt(BEFORE_STORE))}, ` +
      `now ${total(now)} (of which the SQLite adapter ${adapter('sqlite')}, PostgreSQL ${adapter('postgres')})\n`,
  );
}

// Run, unless imported for its helpers (api-verify-postgres.mjs).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`bench failed: ${error.stack ?? error}\n`);
      process.exit(1);
    },
  );
}
