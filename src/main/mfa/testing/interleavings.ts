import fc from 'fast-check';
import { totpCodeAt } from '../../testing/totp-code';
import type { Caller } from '../caller';
import { lockedUntilAfter } from '../lockout';
import { callerOf, type MfaServices } from '../mfa-services';
import type { AuditEvent } from '../../../shared/api';
import { matchingStep, stepAt } from '../totp';
import { enrollTotp } from './enroll';

/** Two sets of services on one database (two processes, two instances) and their shared clock. */
export interface ServicePair {
  services: [MfaServices, MfaServices];
  clock: { now: number };
  close(): Promise<void>;
}

type OpKind = 'valid' | 'wrong' | 'unlock' | 'reset';
type Round =
  | { type: 'ops'; advanceMs: number; previousStep: boolean; ops: { kind: OpKind; on: 0 | 1 }[] }
  | { type: 'reenroll'; on: 0 | 1 };

/** The user's state as a serial history of its audit events says it must be. */
interface Model {
  enrolled: boolean;
  lastStep: number;
  failures: number;
  lockedUntil: number | null;
}

const MAX_FAILURES = 3;

const roundArb: fc.Arbitrary<Round> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      type: fc.constant('ops' as const),
      // Stay, a step or two on, or past a lock (30 s doubling: 31 s to an hour).
      advanceMs: fc.constantFrom(0, 0, 30_000, 60_000, 31_000, 121_000, 3_601_000),
      previousStep: fc.boolean(),
      ops: fc.array(
        fc.record({
          kind: fc.constantFrom<OpKind>('valid', 'valid', 'wrong', 'wrong', 'unlock', 'reset'),
          on: fc.constantFrom<0 | 1>(0, 1),
        }),
        { minLength: 1, maxLength: 8 },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('reenroll' as const),
      on: fc.constantFrom<0 | 1>(0, 1),
    }),
  },
);

const outcomeOf = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'ok',
    (e: unknown) => (e as { code?: string }).code ?? String(e),
  );

/** A 6-digit code no step of the window has. */
function wrongCode(secret: Buffer, now: number): string {
  for (let n = 0; ; n++) {
    const code = String((123_456 + n * 7_919) % 1_000_000).padStart(6, '0');
    if (matchingStep(secret, code, now, 2) === null) return code;
  }
}

/**
 * Replays the round's audit events (their id order is the order the database decided in) through
 * the rules, failing on the first one the rules forbid: a code accepted twice or while locked,
 * a failure count or lock that is not exact.
 */
function replay(
  model: Model,
  events: AuditEvent[],
  step: number,
  now: number,
): Record<string, number> {
  const counts: Record<string, number> = {};
  let lastLockAudited: unknown;
  const locked = () => model.lockedUntil !== null && model.lockedUntil > now;
  const check = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`${what} (model ${JSON.stringify(model)}, step ${step}, now ${now})`);
  };
  for (const e of events) {
    counts[e.event] = (counts[e.event] ?? 0) + 1;
    switch (e.event) {
      case 'verify.success':
        check(model.enrolled && !locked(), 'accepted while locked or not enrolled');
        check(step > model.lastStep, 'a code accepted twice');
        Object.assign(model, { lastStep: step, failures: 0, lockedUntil: null });
        break;
      case 'verify.replayed':
        check(model.enrolled && !locked() && step <= model.lastStep, 'a replay that was not one');
        break;
      case 'verify.failure':
        check(model.enrolled && !locked(), 'a failure counted while locked');
        model.failures += 1;
        model.lockedUntil = lockedUntilAfter(model.failures, MAX_FAILURES, now);
        check(
          e.detail?.attemptsRemaining === Math.max(0, MAX_FAILURES - model.failures),
          'attemptsRemaining not exact',
        );
        break;
      case 'lockout.engaged':
        check(
          e.detail?.failures === model.failures && model.lockedUntil !== null,
          'a lock not at the threshold',
        );
        break;
      case 'verify.locked':
        check(locked(), 'LOCKED while not locked');
        check(e.detail?.lockedUntil !== lastLockAudited, 'verify.locked twice for one lock');
        lastLockAudited = e.detail?.lockedUntil;
        break;
      case 'lockout.unlocked':
        Object.assign(model, { failures: 0, lockedUntil: null });
        break;
      case 'mfa.reset':
        Object.assign(model, { enrolled: false, lastStep: -1, failures: 0, lockedUntil: null });
        break;
      case 'totp.enroll_confirmed':
        Object.assign(model, {
          enrolled: true,
          lastStep: stepAt(now),
          failures: 0,
          lockedUntil: null,
        });
        break;
    }
  }
  return counts;
}

/**
 * The property: random interleavings of verify (right and wrong codes), unlock, reset and
 * re-enrollment, spread over two sets of services on one database, never accept a code twice or
 * while locked, and count failures exactly. Each run enrolls a fresh user; `open` gives the pair.
 */
export async function checkInterleavings(pair: ServicePair, runs = 12): Promise<void> {
  const [a, b] = pair.services;
  const { clock } = pair;
  const created = await a.clients.create('interleavings', 'client');
  const admin = callerOf(await a.clients.authenticate(`Bearer ${created.key}`));
  await a.clients.putPolicy(admin.clientId, { ...admin.policy, maxFailures: MAX_FAILURES }, 'test');
  const caller: Caller = { ...admin, policy: { ...admin.policy, maxFailures: MAX_FAILURES } };
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(roundArb, { minLength: 1, maxLength: 8 }), async (rounds) => {
      const userId = `il-${run++}`;
      await a.users.put(caller, userId, {});
      let secret = await enrollTotp(a, caller, userId, clock.now);
      const model: Model = {
        enrolled: true,
        lastStep: stepAt(clock.now),
        failures: 0,
        lockedUntil: null,
      };
      const audit = (after: number) =>
        a.core.store.read
          .audit({ clientId: caller.clientId, userId, limit: 1000 })
          .then((events) => events.filter((e) => e.id > after).reverse());
      let seen = Math.max(0, ...(await audit(0)).map((e) => e.id));
      for (const round of rounds) {
        const now = clock.now;
        if (round.type === 'reenroll') {
          const [first, second] = round.on === 0 ? [a, b] : [b, a];
          await first.admin.resetMfa(caller.clientId, userId, 'test');
          secret = await enrollTotp(second, caller, userId, now);
        } else {
          clock.now += round.advanceMs;
          const step = stepAt(clock.now) - (round.previousStep ? 1 : 0);
          const results = await Promise.all(
            round.ops.map(({ kind, on }) => {
              const s = pair.services[on];
              if (kind === 'valid')
                return outcomeOf(s.verify.verify(caller, userId, totpCodeAt(secret, step)));
              if (kind === 'wrong')
                return outcomeOf(s.verify.verify(caller, userId, wrongCode(secret, clock.now)));
              if (kind === 'unlock')
                return outcomeOf(s.admin.unlock(caller.clientId, userId, 'test'));
              return outcomeOf(s.admin.resetMfa(caller.clientId, userId, 'test'));
            }),
          );
          const events = await audit(seen);
          const counts = replay(model, events, step, clock.now);
          const said = (code: string) =>
            results.filter(
              (r, i) =>
                r === code && round.ops[i]!.kind !== 'unlock' && round.ops[i]!.kind !== 'reset',
            ).length;
          const expectSame = (answers: number, event: string) => {
            if (answers !== (counts[event] ?? 0))
              throw new Error(
                `${answers} answers but ${counts[event] ?? 0} ${event} events: ${JSON.stringify(results)}`,
              );
          };
          expectSame(said('ok'), 'verify.success');
          expectSame(said('INVALID_CODE'), 'verify.failure');
          expectSame(said('CODE_REPLAYED'), 'verify.replayed');
          // verify.locked is audited once per lock period, so at most once per LOCKED answer.
          if ((counts['verify.locked'] ?? 0) > said('LOCKED'))
            throw new Error(
              `more verify.locked events than LOCKED answers: ${JSON.stringify(results)}`,
            );
          seen = Math.max(seen, ...events.map((e) => e.id));
          continue;
        }
        const events = await audit(seen);
        replay(model, events, -1, now);
        seen = Math.max(seen, ...events.map((e) => e.id));
      }
      // The row agrees with the history.
      const view = await b.users.get(caller, userId);
      if (view.mfa.consecutiveFailures !== model.failures)
        throw new Error(
          `failures ${view.mfa.consecutiveFailures}, the history says ${model.failures}`,
        );
    }),
    { numRuns: runs },
  );
}
