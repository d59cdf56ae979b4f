// Verify throughput of `tessera serve --database postgres://…`, with one instance and with two
// instances on one database sharing the same load, against the bare fastify route in the same
// run. The helpers (wrk scripts, fresh codes, enrollment, paired rounds) are api-verify.mjs's.
// Needs TESSERA_TEST_PG_URL (npm run bench starts the local cluster, scripts/with-postgres.sh);
// without it, says so and skips.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createThrowawayDatabase } from '../../src/main/mfa/store/testing/throwaway-database.ts';
import {
  agent,
  bin,
  CONNECTIONS,
  cpuSeconds,
  dir,
  DURATION,
  enroll,
  luaScript,
  markSpent,
  median,
  ms,
  ROUNDS,
  startBare,
  startServer,
  unusedCodes,
  wrkArgs,
  wrkResult,
} from './api-verify.mjs';

/** Milliseconds until the next 30-second time step. */

const msToNextStep = () => 30_000 - (Date.now() % 30_000);

// Far fewer than the SQLite run needs: each verify here is a commit on the server, and 5,000
// users (10,000 codes and more as steps pass) outlast the rounds at a few thousand verifies/s.
const USERS = Number(process.env.BENCH_PG_USERS ?? 5_000);
const WRK = process.env.WRK ?? 'wrk';

/** CPU seconds used so far by the PostgreSQL server's processes (Linux /proc; 0 elsewhere). */
function postgresCpuSeconds() {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += cpuSeconds(pid);
    } catch {
      // The process ended meanwhile.
    }
  }
  return total;
}

/** One wrk, without blocking: two of them drive two instances at once. */
function wrk(url, script, pid, seconds, connections) {
  const cpu0 = cpuSeconds(pid);
  return new Promise((resolve, reject) => {
    const child = spawn(WRK, wrkArgs(url, script, seconds, connections));
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.once('error', reject);
    child.once('exit', () => {
      try {
        resolve(wrkResult(out, cpuSeconds(pid) - cpu0));
      } catch (error) {
        reject(error);
      }
    });
  });
}

async function main() {
  const db = await createThrowawayDatabase();
  try {
    await measure(db.url);
  } finally {
    await db.drop();
  }
}

async function measure(databaseUrl) {
  const keyFile = join(dir, 'pg-master.key');
  execFileSync(process.execPath, [bin, 'keyfile', 'create', keyFile]);
  const flags = ['--key-file', keyFile, '--database', databaseUrl];
  const { key } = JSON.parse(
    execFileSync(process.execPath, [bin, 'clients', 'create', 'bench', '--json', ...flags], {
      encoding: 'utf8',
    }),
  );
  const bare = await startBare();
  // BENCH_PROFILE=dir writes a CPU profile of each instance there when it exits.
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
    : [];
  const serve = () =>
    startServer(
      [...profile, bin, 'serve', '--port', '0', ...flags],
      /listening on (http:\/\/[\d.:]+)/,
    );
  const instances = [await serve(), await serve()];

  const t0 = Date.now();
  const users = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async (_, w) => {
      while (next < USERS) {
        const userId = `bench-${next++}`;
        const { secret, confirmed } = await enroll(instances[w % 2].url, key, userId);
        users.push({ userId, index: users.length, secret, spent: confirmed, codes: new Map() });
      }
    }),
  );
  agent.destroy();
  process.stdout.write(`enrolled ${USERS} users in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);

  // The bare route does not care whether a code was used: one list, written once, wraps around.
  const bareScript = join(dir, 'pg-bare.lua');
  luaScript(bareScript, key, unusedCodes(users), true);
  const measureBare = (seconds) => wrk(bare.url, bareScript, bare.child.pid, seconds, CONNECTIONS);
  /** The codes dealt over `n` instances, each driven by its own wrk with its share of connections. */
  const measureVerify = async (n, seconds) => {
    let codes = unusedCodes(users);
    // Each time step gives every user one more code: when fewer than that are left, wait for it.
    if (codes.length < users.length) {
      await new Promise((resolve) => setTimeout(resolve, msToNextStep() + 50));
      codes = unusedCodes(users);
    }
    // Dealt by user: a user's codes for two steps sent to two instances could arrive in either
    // order, and the later step, accepted first, rightly makes the earlier one a replay.
    const shares = Array.from({ length: n }, (_, i) => codes.filter((c) => c.user.index % n === i));
    const pg0 = postgresCpuSeconds();
    const runs = await Promise.all(
      shares.map((share, i) => {
        const script = join(dir, `pg-verify-${i}.lua`);
        luaScript(script, key, share);
        return wrk(instances[i].url, script, instances[i].child.pid, seconds, CONNECTIONS / n);
      }),
    );
    runs.forEach((run, i) => markSpent(shares[i], run));
    if (runs.some((run, i) => run.requests >= shares[i].length - CONNECTIONS / n)) {
      process.stdout.write(
        `warning: the ${codes.length} codes ran out before ${seconds} s; verify is faster than shown (raise BENCH_PG_USERS)\n`,
      );
    }
    const total = (pick) => runs.reduce((sum, r) => sum + pick(r), 0);
    return {
      rps: total((r) => r.rps),
      // CPU per verify: the instances' (Node) and the database server's.
      nodeUs:
        total((r) => r.cpuPerRequestUs * r.requests) /
        Math.max(
          1,
          total((r) => r.requests),
        ),
      pgUs:
        ((postgresCpuSeconds() - pg0) * 1e6) /
        Math.max(
          1,
          total((r) => r.requests),
        ),
      p99_us: Math.max(...runs.map((r) => r.p99_us)),
      non2xx: total((r) => r.non2xx),
      socket_errors: total((r) => r.socket_errors),
    };
  };

  for (const n of [1, 2]) {
    process.stdout.write(`-- PostgreSQL, ${n} instance${n > 1 ? 's' : ''}\n`);
    await measureBare(1);
    await measureVerify(n, 1);
    const rounds = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // Alternating which goes first, so a drift of the machine's speed favours neither.
      const b = round % 2 === 1 ? await measureBare(DURATION) : undefined;
      const v = await measureVerify(n, DURATION);
      const b2 = b ?? (await measureBare(DURATION));
      rounds.push({ b: b2, v, ratio: v.rps / b2.rps });
      process.stdout.write(
        `round ${round}  bare ${b2.rps.toFixed(0)} req/s p99 ${ms(b2.p99_us)}  |  verify ${v.rps.toFixed(0)} req/s p99 ${ms(v.p99_us)} CPU Node ${v.nodeUs.toFixed(0)} + PostgreSQL ${v.pgUs.toFixed(0)} µs/req  |  ratio ${(v.rps / b2.rps).toFixed(2)}\n`,
      );
      if (v.non2xx > 0) process.stdout.write(`warning: ${v.non2xx} verifies were not accepted\n`);
    }
    process.stdout.write(
      `median  bare ${median(rounds.map((r) => r.b.rps)).toFixed(0)} req/s  |  verify ${median(rounds.map((r) => r.v.rps)).toFixed(0)} req/s  p99 ${ms(median(rounds.map((r) => r.v.p99_us)))}\n`,
    );
    process.stdout.write(
      `PostgreSQL ${n} instance(s) verify/bare ratio: ${median(rounds.map((r) => r.ratio)).toFixed(2)} (goal >= 0.25)\n`,
    );
  }
  if (profile.length > 0) {
    // The profiles are written on the way out: wait for them before the exit handler kills.
    await Promise.all(
      instances.map(({ child }) => {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        return exited;
      }),
    );
  }
}

if (!process.env.TESSERA_TEST_PG_URL) {
  process.stdout.write(
    'skipped: no PostgreSQL (TESSERA_TEST_PG_URL unset; npm run bench starts the local cluster)\n',
  );
  process.exit(0);
}
main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench failed: ${error.stack ?? error}\n`);
    process.exit(1);
  },
);
