import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { callerOf, createMfaServices, type MfaServices } from '../api/services';
import { openTempApp, type TempApp } from '../testing/temp-app';
import { totpCodeAt } from '../testing/totp-code';
import { MAX_GAP_MS, SWEEP_MS } from './accept-fold';
import { createAcceptLog } from './accept-log';
import { createAuditLog } from './audit-log';
import { enrollTotp } from './testing/enroll';
import { migratedTo, withWalFileAt } from './testing/migrated-db';
import { stepAt } from './totp';
import { createWriteQueue } from './write-queue';

let temp: TempApp | undefined;
afterEach(() => temp?.dispose());

const codeOf = (err: unknown) => (err as { code?: string }).code;
const refusal = (p: Promise<unknown>) => p.then(() => 'accepted', codeOf);

/** Two connections to one database (two processes), a client, and user `u` enrolled. */
async function twoProcesses() {
  const clock = { now: Date.UTC(2030, 0, 1) };
  temp = await openTempApp(() => clock.now);
  const a = createMfaServices(temp.app);
  const b = createMfaServices(await temp.openAnother());
  const created = await a.clients.create('unit', 'client');
  const caller = callerOf(a.clients.authenticate(`Bearer ${created.key}`));
  await a.users.put(caller, 'u', {});
  const secret = await enrollTotp(a, caller, 'u', clock.now);
  // Two steps on: the steps either side of now are all unspent.
  clock.now += 60_000;
  const code = (offset = 0) => totpCodeAt(secret, stepAt(clock.now) + offset);
  return { a, b, caller, clock, code };
}

const logRows = (s: MfaServices) =>
  s.ctx.db
    .prepare(
      'SELECT accept_pk AS user_pk, accept_step AS step FROM audit_events WHERE accept_step IS NOT NULL ORDER BY id',
    )
    .all();
const row = (s: MfaServices) =>
  s.ctx.db
    .prepare("SELECT totp_folded_step, last_verified_at FROM mfa_users WHERE user_id = 'u'")
    .get() as { totp_folded_step: number; last_verified_at: number | null };

describe('the accept log keeps the replay guard exact across processes', () => {
  it('a code one process accepted is refused by the other, and each sees the other’s newer step', async () => {
    const { a, b, caller, code } = await twoProcesses();
    expect((await a.verify.verify(caller, 'u', code())).valid).toBe(true);
    // A user in good standing: the guard went to the log, the row is untouched.
    expect(logRows(a)).toHaveLength(1);
    expect(await refusal(b.verify.verify(caller, 'u', code()))).toBe('CODE_REPLAYED');
    expect((await b.verify.verify(caller, 'u', code(1))).valid).toBe(true);
    // An older step than the newest accepted is refused too, whoever accepted it.
    expect(await refusal(a.verify.verify(caller, 'u', code(-1)))).toBe('CODE_REPLAYED');
    expect(await refusal(a.verify.verify(caller, 'u', code(1)))).toBe('CODE_REPLAYED');
  });

  it('a process started later reads the log: a logged code stays spent across a restart', async () => {
    const { a, caller, code } = await twoProcesses();
    await a.verify.verify(caller, 'u', code());
    const later = createMfaServices(await temp!.openAnother());
    expect(await refusal(later.verify.verify(caller, 'u', code()))).toBe('CODE_REPLAYED');
  });

  it('lastVerifiedAt counts the log before the row has it, in either process', async () => {
    const { a, b, caller, clock, code } = await twoProcesses();
    expect(a.users.get(caller, 'u').mfa.lastVerifiedAt).toBeNull();
    await a.verify.verify(caller, 'u', code());
    expect(row(a).last_verified_at).toBeNull();
    const at = new Date(clock.now).toISOString();
    expect(a.users.get(caller, 'u').mfa.lastVerifiedAt).toBe(at);
    expect(b.users.get(caller, 'u').mfa.lastVerifiedAt).toBe(at);
  });

  it('failures and locks another process wrote are seen at once (nothing stale in memory)', async () => {
    const { a, b, caller, code } = await twoProcesses();
    // B decides once, so it has the row's state in memory: good standing.
    await b.verify.verify(caller, 'u', code(-1));
    for (let i = 0; i < 5; i++)
      expect(await refusal(a.verify.verify(caller, 'u', '000000'))).toBe('INVALID_CODE');
    expect(await refusal(b.verify.verify(caller, 'u', code()))).toBe('LOCKED');
    await a.admin.unlock(caller.clientId, 'u', 'console');
    expect(await refusal(a.verify.verify(caller, 'u', '000000'))).toBe('INVALID_CODE');
    // B's success resets the failure A counted: it goes to the row, not only to the log.
    expect((await b.verify.verify(caller, 'u', code())).valid).toBe(true);
    expect(a.users.get(caller, 'u').mfa.consecutiveFailures).toBe(0);
    expect(await refusal(a.verify.verify(caller, 'u', code()))).toBe('CODE_REPLAYED');
  });

  it('an accept of a factor since reset does not guard the new one', async () => {
    const { a, b, caller, clock, code } = await twoProcesses();
    await a.verify.verify(caller, 'u', code(1));
    await b.admin.resetMfa(caller.clientId, 'u', 'console');
    const fresh = await enrollTotp(b, caller, 'u', clock.now - 30_000);
    // The old factor's accept (a later step) does not make the new factor's code a replay.
    const ok = await a.verify.verify(caller, 'u', totpCodeAt(fresh, stepAt(clock.now)));
    expect(ok.valid).toBe(true);
  });
});

describe('folding the log into the rows', () => {
  it('folds each user’s newest accept into the row over one sweep and marks the log folded', async () => {
    const { a, caller, clock, code } = await twoProcesses();
    await a.verify.verify(caller, 'u', code(-1));
    await a.verify.verify(caller, 'u', code());
    const spent = stepAt(clock.now);
    const spentCode = code();
    const verifiedAt = clock.now;
    // Writes go on (another user) while the sweep's time passes: each batch folds a slice.
    const aBatch = () => a.users.put(caller, 'other', {});
    await aBatch();
    for (let t = 0; t <= SWEEP_MS; t += MAX_GAP_MS) {
      clock.now += MAX_GAP_MS;
      await aBatch();
    }
    expect(row(a)).toEqual({ totp_folded_step: spent, last_verified_at: verifiedAt });
    // The next batch finds nothing left to fold and marks every accept so far as folded.
    await aBatch();
    // The audit keeps both accepts; a process starting reads from past the newest.
    expect(logRows(a)).toEqual([
      { user_pk: expect.any(Number), step: spent - 1 },
      { user_pk: expect.any(Number), step: spent },
    ]);
    const newestAccept = a.ctx.db
      .prepare('SELECT max(id) FROM audit_events WHERE accept_step IS NOT NULL')
      .pluck()
      .get();
    const mark = a.ctx.db.prepare('SELECT through_audit_id FROM mfa_accepts_folded').pluck();
    expect(mark.get()).toBeGreaterThanOrEqual(newestAccept as number);
    // Folded and forgotten, the code is still spent: the row guards it now, in this process
    // and in one started after the fold.
    expect(await refusal(a.verify.verify(caller, 'u', spentCode))).toBe('CODE_REPLAYED');
    const later = createMfaServices(await temp!.openAnother());
    expect(await refusal(later.verify.verify(caller, 'u', spentCode))).toBe('CODE_REPLAYED');
    expect(a.users.get(caller, 'u').mfa.lastVerifiedAt).toBe(new Date(verifiedAt).toISOString());
  });

  it('a factor removed or reset before its accept was folded keeps that last verification', async () => {
    const { a, b, caller, clock, code } = await twoProcesses();
    const verifiedAt = new Date(clock.now).toISOString();
    await a.verify.verify(caller, 'u', code(-1));
    await b.admin.resetMfa(caller.clientId, 'u', 'console');
    expect(a.users.get(caller, 'u').mfa).toMatchObject({
      status: 'none',
      lastVerifiedAt: verifiedAt,
    });

    const fresh = await enrollTotp(a, caller, 'u', clock.now);
    clock.now += 30_000;
    // Removing MFA with a code is itself the last verification.
    await a.verify.removeMfa(caller, 'u', totpCodeAt(fresh, stepAt(clock.now)));
    expect(b.users.get(caller, 'u').mfa.lastVerifiedAt).toBe(new Date(clock.now).toISOString());
  });

  it('a reset in the same batch as a verify keeps that verify as the last one', async () => {
    const { a, caller, clock, code } = await twoProcesses();
    // One event-loop turn: one write batch, the verify's job first.
    const verified = a.verify.verify(caller, 'u', code());
    const reset = a.admin.resetMfa(caller.clientId, 'u', 'console');
    expect((await verified).valid).toBe(true);
    await reset;
    expect(a.users.get(caller, 'u').mfa.lastVerifiedAt).toBe(new Date(clock.now).toISOString());
  });

  it('a batch that decides nothing still catches up before its audit rows, so no accept is skipped', async () => {
    await withWalFileAt(8, async (first, file) => {
      const second = new Database(file);
      try {
        const [a, b] = [first, second].map((db) => {
          const audit = createAuditLog(db);
          const log = createAcceptLog(db, audit.writtenId);
          return { audit, log, queue: createWriteQueue(db, [log.pending, audit.pending]) };
        });
        const entry = { actor: 'a', clientId: 'c', userId: 'u' };
        // A knows every accept so far; then B spends step 100 of user 1.
        await a!.queue.run(() => a!.log.lastStep(1, 'f'));
        await b!.queue.run(() => {
          b!.log.append(1, 'f', 100, 1000);
          const accept = { pk: 1, factorId: 'f', step: 100 };
          b!.audit.append({ ...entry, event: 'verify.success', outcome: 'success', accept }, 1000);
        });
        // A batch of A that only audits (a refusal, a lockout) and reads no accept.
        await a!.queue.run(() =>
          a!.audit.append({ ...entry, event: 'verify.failure', outcome: 'failure' }, 2000),
        );
        expect(await a!.queue.run(() => a!.log.lastStep(1, 'f'))).toBe(100);
      } finally {
        second.close();
      }
    });
  });

  it('an accept is logged only if its job and its batch commit', async () => {
    const db = migratedTo(8);
    db.exec('CREATE TABLE parent (id INTEGER PRIMARY KEY)');
    db.exec('CREATE TABLE child (p INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)');
    db.pragma('foreign_keys = ON');
    const audit = createAuditLog(db);
    const log = createAcceptLog(db, audit.writtenId);
    const queue = createWriteQueue(db, [log.pending, audit.pending]);
    // As `ctx.record` does it.
    const accept = (pk: number, factorId: string, step: number) => {
      if (log.lastStep(pk, factorId) >= step) return false;
      log.append(pk, factorId, step, step * 1000);
      const entry = { actor: 'a', clientId: 'c', userId: `u${pk}`, accept: { pk, factorId, step } };
      audit.append({ ...entry, event: 'verify.success', outcome: 'success' }, step * 1000);
      return true;
    };
    // A batch whose COMMIT fails (a deferred foreign key): nothing of it is logged or known.
    const failed = await Promise.allSettled([
      queue.run(() => accept(1, 'f1', 11)),
      queue.run(() => db.prepare('INSERT INTO child (p) VALUES (99)').run()),
    ]);
    expect(failed.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    // A job that throws after its accept: only the others' are kept.
    const outcomes = await Promise.allSettled([
      queue.run(() => accept(1, 'f1', 11)),
      queue.run(() => {
        accept(2, 'f2', 12);
        throw new Error('boom');
      }),
      queue.run(() => accept(3, 'f3', 13)),
      // The same step twice in one batch: the batch's own accepts guard too.
      queue.run(() => accept(3, 'f3', 13)),
    ]);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : 'threw'))).toEqual([
      true,
      'threw',
      true,
      false,
    ]);
    const rows = db.prepare('SELECT accept_pk, accept_factor, accept_step FROM audit_events');
    expect(rows.all()).toEqual([
      { accept_pk: 1, accept_factor: 'f1', accept_step: 11 },
      { accept_pk: 3, accept_factor: 'f3', accept_step: 13 },
    ]);
    await queue.run(() => {
      expect(log.lastStep(1, 'f1')).toBe(11);
      expect(log.lastStep(2, 'f2')).toBe(-1);
      // Another factor's accepts are not this one's.
      expect(log.lastStep(1, 'f9')).toBe(-1);
    });
  });
});
