import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../src/main/app';
import { createClient, createStore, serve, type CreatedClient, type Store } from './support/cli';
import { agent, client } from './support/http';
import { codeAt } from './support/totp';

let store: Store;
let app: CreatedClient;
beforeAll(async () => {
  store = await createStore();
  app = await createClient(store, 'crash-app');
});
afterAll(() => store?.dispose());

const ROUNDS = 20;
const WORKERS = 12;

/** Enrolls users and verifies them in a loop until the server dies; returns users whose confirm got 200. */
async function load(
  url: string,
  round: number,
  stopAt: { dead: boolean },
): Promise<{ confirmed: string[]; verified: number }> {
  const api = client(url, app.key);
  const confirmed: string[] = [];
  let verified = 0;
  await Promise.all(
    Array.from({ length: WORKERS }, async (_, w) => {
      for (let n = 0; !stopAt.dead; n++) {
        const userId = `r${round}-w${w}-n${n}`;
        try {
          if ((await api.put(`/v1/users/${userId}`, {})).status !== 201) continue;
          const start = await api.post(`/v1/users/${userId}/totp?qr=none`, {});
          if (start.status !== 201) continue;
          const { enrollmentId, secret } = start.body as { enrollmentId: string; secret: string };
          const confirm = await api.post(`/v1/users/${userId}/totp/confirm`, {
            enrollmentId,
            code: codeAt(secret, -1),
          });
          if (confirm.status === 200) confirmed.push(userId);
          const verify = await api.post(`/v1/users/${userId}/verify`, { code: codeAt(secret, 0) });
          if (verify.status === 200) verified += 1;
        } catch {
          // The server was killed under us: that is the point.
        }
      }
    }),
  );
  return { confirmed, verified };
}

// About 26 s alone on a quiet machine, twice that when two runs share it: the limit is 3x that.
describe('kill -9 under load', { timeout: 180_000 }, () => {
  it(`survives ${ROUNDS} SIGKILLs: integrity ok and every confirmed enrollment is still there`, async () => {
    const confirmed: string[] = [];
    let verified = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const server = await serve(store);
      const stop = { dead: false };
      const running = load(server.url, round, stop);
      await new Promise((r) => setTimeout(r, 150 + ((round * 37) % 200)));
      await server.kill();
      stop.dead = true;
      const result = await running;
      confirmed.push(...result.confirmed);
      verified += result.verified;
      agent.destroy();
    }
    expect(confirmed.length).toBeGreaterThan(ROUNDS);
    expect(verified).toBeGreaterThan(0);

    // The server still starts on the crashed database and answers for every confirmed user.
    const server = await serve(store);
    const api = client(server.url, app.key);
    const statuses = await Promise.all(
      confirmed.map(async (id) => (await api.get(`/v1/users/${id}`)).body.mfa.status as string),
    );
    expect(statuses.filter((s) => s !== 'enrolled')).toEqual([]);
    await server.stop();

    const opened = await openApp({
      dataDir: store.dataDir,
      keychainService: 'unused',
      keyFile: store.keyFile,
      clock: Date.now,
    });
    try {
      expect(opened.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const audited = opened.db
        .prepare(
          `SELECT count(DISTINCT user_id) AS n FROM audit_events WHERE event = 'totp.enroll_confirmed'`,
        )
        .get() as { n: number };
      // The audit row commits with the enrollment: no confirmed enrollment lacks its event.
      expect(audited.n).toBeGreaterThanOrEqual(confirmed.length);
      const codes = opened.db
        .prepare(
          `SELECT count(*) AS n FROM mfa_users u WHERE totp_factor_id IS NOT NULL AND backup_codes_remaining = 10
          AND (SELECT count(*) FROM mfa_backup_codes b WHERE b.user_pk = u.pk) = 10`,
        )
        .get() as { n: number };
      expect(codes.n).toBeGreaterThanOrEqual(confirmed.length);
    } finally {
      opened.close();
    }
  });
});
