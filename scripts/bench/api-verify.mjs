// Verify throughput of `tessera serve` against a bare fastify route, measured in the same run
// with wrk (outside Node, so the load generator is not the bottleneck). Assumes `out/` is built.
//
// Baselines: a static GET /bare, and a bare POST route driven by the same wrk script as verify
// (the last line compares with that one; both are printed).
//
// Every measured request is a valid, never-used TOTP code of a distinct (user, time step): many
// users in random order, each verifying its codes of the previous, current and next steps, so
// neither replay nor lockout short-cuts the path, nor do neighbouring rows share pages. wrk stops
// when the codes run out.
import { execFileSync, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'tessera.cjs');
// Two or three unused codes per user; 60k users cover 3 s at well over 30k verifies/s.
const USERS = Number(process.env.BENCH_USERS ?? 60_000);
const CONNECTIONS = 32;
const DURATION = Number(process.env.BENCH_SECONDS ?? 3);
const WRK = process.env.WRK ?? 'wrk';

const dir = mkdtempSync(join(tmpdir(), 'tessera-bench-'));
const children = [];
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const c of text) {
    value = (value << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

function totp(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = mac[mac.length - 1] & 15;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

const stepNow = () => Math.floor(Date.now() / 30_000);

function startServer(args, pattern) {
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

const agent = new Agent({ keepAlive: true, maxSockets: 64 });
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

async function enroll(url, key, userId) {
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
  return { secret, confirmed };
}

/**
 * The codes each user can still use when the load starts: steps after the one its confirm spent,
 * within now ±1. Listed round by round so every user's codes go out in ascending step order.
 */
function unusedCodes(users) {
  const now = stepNow();
  const rounds = [[], [], []];
  for (const { userId, secret, confirmed } of users) {
    let round = 0;
    for (let step = Math.max(confirmed + 1, now - 1); step <= now + 1; step++) {
      rounds[round++].push([`/v1/users/${userId}/verify`, totp(secret, step)]);
    }
  }
  // Users in random order within a round, as logins arrive: in enrollment order, neighbouring
  // requests would share database pages, which real traffic does not.
  for (const round of rounds) {
    for (let i = round.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [round[i], round[j]] = [round[j], round[i]];
    }
  }
  return rounds.flat();
}

function luaScript(file, key, requests, wrap = false) {
  // The requests go in a data file: a Lua chunk may hold only 65536 constants.
  writeFileSync(`${file}.txt`, requests.map(([path, code]) => `${path} ${code}`).join('\n') + '\n');
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
function cpuSeconds(pid) {
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
function runWrk(url, script, pid) {
  const cpu0 = cpuSeconds(pid);
  const out = execFileSync(WRK, ['-t1', `-c${CONNECTIONS}`, `-d${DURATION}s`, '-s', script, url], {
    encoding: 'utf8',
  });
  const cpu = cpuSeconds(pid) - cpu0;
  const m = /RESULT (\{.*\})/.exec(out);
  if (!m) throw new Error(`unexpected wrk output:\n${out}`);
  const r = JSON.parse(m[1]);
  return {
    ...r,
    rps: r.requests / (r.duration_us / 1e6),
    cpuPerRequestUs: (cpu * 1e6) / Math.max(1, r.requests),
  };
}

async function main() {
  execFileSync(process.execPath, [bin, 'keyfile', 'create', join(dir, 'master.key')]);
  const flags = ['--data-dir', join(dir, 'data'), '--key-file', join(dir, 'master.key')];
  const { key } = JSON.parse(
    execFileSync(process.execPath, [bin, 'clients', 'create', 'bench', '--json', ...flags], {
      encoding: 'utf8',
    }),
  );

  // The bare route: same framework, same JSON answer, nothing else.
  const bareScript = join(dir, 'bare.lua');
  const bare = await startServer(
    [
      '-e',
      `const f = require('fastify')({ logger: false });
       const answer = async () => ({ valid: true, required: true, method: 'totp', backupCodesRemaining: 10 });
       f.get('/bare', answer);
       f.post('/v1/users/:userId/verify', answer);
       f.listen({ host: '127.0.0.1', port: 0 }).then((a) => console.log('BARE ' + a));`,
    ],
    /BARE (http:\/\/[\d.:]+)/,
  );
  writeFileSync(bareScript, `wrk.method = "GET"\n${DONE_LUA}`);

  // BENCH_PROFILE=dir writes a CPU profile of the API server there (on its SIGTERM exit right
  // after the verify run). It covers the enrollment too: look at the window of verify samples.
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
        users.push({ userId, ...(await enroll(api.url, key, userId)) });
      }
    }),
  );
  agent.destroy();
  process.stdout.write(`enrolled ${USERS} users in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  const verifyScript = join(dir, 'verify.lua');
  const codes = unusedCodes(users);
  luaScript(verifyScript, key, codes);
  // The bare route does not care whether a code was used: its copy of the script wraps around.
  const barePostScript = join(dir, 'bare-post.lua');
  luaScript(barePostScript, key, codes, true);

  // Warm both up briefly (JIT), then measure bare, verify, bare again and keep the better bare.
  const bareUrl = `${bare.url}/bare`;
  const b1 = runWrk(bareUrl, bareScript, bare.child.pid);
  const v = runWrk(api.url, verifyScript, api.child.pid);
  if (profile.length > 0) api.child.kill('SIGTERM');
  const b2 = runWrk(bareUrl, bareScript, bare.child.pid);
  const b = b1.rps >= b2.rps ? b1 : b2;
  // The same wrk script (same Lua work per request, same POST bodies) against the bare server.
  const bp = runWrk(bare.url, barePostScript, bare.child.pid);
  const fmt = (name, r) =>
    `${name.padEnd(7)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${(r.p50_us / 1000).toFixed(2)} ms  p99 ${(r.p99_us / 1000).toFixed(2)} ms  server CPU ${r.cpuPerRequestUs.toFixed(0)} µs/req  (${r.requests} requests, ${r.non2xx} non-2xx, ${r.socket_errors} socket errors)`;
  process.stdout.write(`${fmt('bare', b)}\n${fmt('bare-post', bp)}\n${fmt('verify', v)}\n`);
  if (v.non2xx > 0) process.stdout.write(`warning: ${v.non2xx} verifies were not accepted\n`);
  // wrk divides by the whole duration even when the script stopped early: then the rate is low.
  if (v.requests >= codes.length - CONNECTIONS) {
    process.stdout.write(
      `warning: the ${codes.length} codes ran out before ${DURATION} s; verify is faster than shown (raise BENCH_USERS)\n`,
    );
  }
  // Two baselines: GET /bare with a static wrk request, and a bare POST route driven by the very
  // same wrk script as verify (same Lua work per request, same bodies). The second isolates the
  // server: wrk's per-request Lua costs as much client CPU as a bare fastify route on 2 cores.
  process.stdout.write(
    `verify/bare-get ratio: ${(v.rps / b.rps).toFixed(2)}  p99 ${(v.p99_us / b.p99_us).toFixed(2)}x\n`,
  );
  process.stdout.write(`p99 verify/bare: ${(v.p99_us / bp.p99_us).toFixed(2)}\n`);
  process.stdout.write(`verify/bare ratio: ${(v.rps / bp.rps).toFixed(2)}\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench failed: ${error.stack ?? error}\n`);
    process.exit(1);
  },
);
