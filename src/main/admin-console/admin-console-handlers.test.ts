import { afterEach, describe, expect, it } from 'vitest';
import type { AdminUser, ClientView } from '../../shared/contract/admin';
import type { AuditEvent } from '../../shared/api';
import { callerOf } from '../mfa/mfa-services';
import type { Caller } from '../mfa/caller';
import { stepAt } from '../mfa/totp';
import { totpCodeAt } from '../testing/totp-code';
import { openTempApp, type TempApp } from '../testing/temp-app';
import { rpc, rpcError } from '../testing/errors';
import { base32ToBytes } from '../../shared/secret';
import type { App } from '../app';

let temp: TempApp | undefined;
afterEach(() => temp?.dispose());

type Created = ClientView & { key: string };

/** A client created in the console, one user enrolled through the API services, then locked. */
async function setup(): Promise<{
  app: App;
  client: Created;
  caller: Caller;
  secret: Buffer;
  clock: { now: number };
}> {
  const clock = { now: Date.UTC(2030, 0, 1) };
  temp = await openTempApp(() => clock.now);
  const { app } = temp;
  const client = await rpc<Created>(app, 'admin.createClient', {
    name: 'intranet',
    scope: 'client',
  });
  const caller = callerOf(await app.mfa.clients.authenticate(`Bearer ${client.key}`));
  await app.mfa.users.put(caller, 'alice', { displayName: 'Alice' });
  const start = await app.mfa.enrollment.start(caller, 'alice', {}, false);
  const secret = Buffer.from(base32ToBytes(start.secret));
  await app.mfa.enrollment.confirm(
    caller,
    'alice',
    start.enrollmentId,
    totpCodeAt(secret, stepAt(clock.now)),
  );
  return { app, client, caller, secret, clock };
}

async function lock(app: App, caller: Caller): Promise<void> {
  for (let i = 0; i < caller.policy.maxFailures; i++)
    await app.mfa.verify.verify(caller, 'alice', '000000').catch(() => undefined);
}

describe('admin console handlers', () => {
  it('creates a client (key once), lists it with its policy, and its key works in the shared services', async () => {
    const { app, client } = await setup();
    expect(client.key).toMatch(/^tsk_[a-z0-9]{12}_/);
    const list = await rpc<ClientView[]>(app, 'admin.clients', {});
    expect(list).toEqual([
      expect.objectContaining({
        id: client.id,
        name: 'intranet',
        scope: 'client',
        revokedAt: null,
      }),
    ]);
    expect(list[0]).not.toHaveProperty('key');
    expect(list[0]!.policy.mode).toBeDefined();
  });

  it('lists users with filters and a cursor, and shows one in detail', async () => {
    const { app, caller } = await setup();
    for (const id of ['bob', 'carol']) await app.mfa.users.put(caller, id, {});
    const page = await rpc<{ items: AdminUser[]; nextCursor: string | null }>(app, 'admin.users', {
      limit: 2,
    });
    expect(page.items.map((u) => u.userId)).toEqual(['alice', 'bob']);
    const rest = await rpc<{ items: AdminUser[]; nextCursor: string | null }>(app, 'admin.users', {
      limit: 2,
      cursor: page.nextCursor,
    });
    expect(rest).toEqual({
      items: [expect.objectContaining({ userId: 'carol' })],
      nextCursor: null,
    });
    const enrolled = await rpc<{ items: AdminUser[] }>(app, 'admin.users', { status: 'enrolled' });
    expect(enrolled.items.map((u) => u.userId)).toEqual(['alice']);
    const detail = await rpc<AdminUser>(app, 'admin.user', {
      clientId: caller.clientId,
      userId: 'alice',
    });
    expect(detail.mfa).toMatchObject({
      status: 'enrolled',
      backupCodesRemaining: caller.policy.backupCodeCount,
      lockedUntil: null,
    });
  });

  it('unlocks a locked user and records the console as the actor', async () => {
    const { app, caller } = await setup();
    await lock(app, caller);
    const locked = await rpc<AdminUser>(app, 'admin.user', {
      clientId: caller.clientId,
      userId: 'alice',
    });
    expect(locked.mfa.lockedUntil).not.toBeNull();
    const unlocked = await rpc<AdminUser>(app, 'admin.unlock', {
      clientId: caller.clientId,
      userId: 'alice',
    });
    expect(unlocked.mfa).toMatchObject({ lockedUntil: null, consecutiveFailures: 0 });
    const audit = await rpc<{ items: AuditEvent[] }>(app, 'admin.audit', {
      event: 'lockout.unlocked',
    });
    expect(audit.items).toEqual([expect.objectContaining({ actor: 'console', userId: 'alice' })]);
  });

  it('regenerates backup codes: the new ones verify, the old set is void, the audit holds no code', async () => {
    const { app, caller } = await setup();
    const result = await rpc<{ user: AdminUser; backupCodes: string[] }>(
      app,
      'admin.regenerateBackupCodes',
      {
        clientId: caller.clientId,
        userId: 'alice',
      },
    );
    expect(result.backupCodes).toHaveLength(caller.policy.backupCodeCount);
    expect(result.user.mfa.backupCodesRemaining).toBe(caller.policy.backupCodeCount);
    const ok = await app.mfa.verify.verify(caller, 'alice', result.backupCodes[0]!);
    expect(ok.method).toBe('backup_code');
    const audit = JSON.stringify(await rpc(app, 'admin.audit', { limit: 200 }));
    for (const code of result.backupCodes) expect(audit).not.toContain(code.replace(/-/g, ''));
    expect(audit).toContain('backup_codes.regenerated');
  });

  it('resets MFA to none; regenerating codes then refuses with NOT_ENROLLED', async () => {
    const { app, caller } = await setup();
    const reset = await rpc<AdminUser>(app, 'admin.resetMfa', {
      clientId: caller.clientId,
      userId: 'alice',
    });
    expect(reset.mfa).toMatchObject({ status: 'none', backupCodesRemaining: 0, methods: [] });
    const error = await rpcError(app, 'admin.regenerateBackupCodes', {
      clientId: caller.clientId,
      userId: 'alice',
    });
    expect(error.code).toBe('NOT_ENROLLED');
  });

  it('revokes a client: the same services refuse its key at once; revoking twice is refused', async () => {
    const { app, client } = await setup();
    const revoked = await rpc<ClientView>(app, 'admin.revokeClient', { clientId: client.id });
    expect(revoked.revokedAt).not.toBeNull();
    await expect(app.mfa.clients.authenticate(`Bearer ${client.key}`)).rejects.toThrow(/revoked/);
    expect((await rpcError(app, 'admin.revokeClient', { clientId: client.id })).code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('reads and writes a policy', async () => {
    const { app, client } = await setup();
    const policy = { mode: 'REQUIRED', window: 2, maxFailures: 3, backupCodeCount: 5 };
    expect(await rpc(app, 'admin.setPolicy', { clientId: client.id, policy })).toEqual(policy);
    expect(await rpc(app, 'admin.policy', { clientId: client.id })).toEqual(policy);
  });

  it('answers every bad input with a specific code and message, never echoing a key', async () => {
    const { app, client } = await setup();
    const cases: [string, unknown, string, RegExp][] = [
      [
        'admin.createClient',
        { name: ' ', scope: 'client' },
        'VALIDATION_FAILED',
        /Name must not be empty/,
      ],
      [
        'admin.createClient',
        { name: 'x', scope: 'root' },
        'VALIDATION_FAILED',
        /scope must be "client" or "admin"/,
      ],
      ['admin.users', { status: 'weird' }, 'VALIDATION_FAILED', /./],
      [
        'admin.users',
        { cursor: 'abc' },
        'VALIDATION_FAILED',
        /cursor must be a value returned as nextCursor/,
      ],
      ['admin.audit', { event: 'nope' }, 'VALIDATION_FAILED', /./],
      ['admin.user', { clientId: client.id, userId: 'nobody' }, 'USER_NOT_FOUND', /nobody/],
      [
        'admin.unlock',
        { clientId: 'zzzzzzzzzzzz', userId: 'alice' },
        'CLIENT_NOT_FOUND',
        /zzzzzzzzzzzz/,
      ],
      ['admin.revokeClient', { clientId: 'Not-An-Id' }, 'VALIDATION_FAILED', /clientId must be/],
      [
        'admin.setPolicy',
        {
          clientId: client.id,
          policy: { mode: 'OFF', window: 99, maxFailures: 1, backupCodeCount: 1 },
        },
        'VALIDATION_FAILED',
        /./,
      ],
      [
        'admin.setPolicy',
        {
          clientId: client.id,
          policy: { mode: 'REQUIRED', window: 3, maxFailures: 5, backupCodeCount: 10 },
        },
        'VALIDATION_FAILED',
        /window must be 0, 1 or 2/,
      ],
      ['admin.policy', { clientId: 'missing' }, 'CLIENT_NOT_FOUND', /missing/],
    ];
    for (const [channel, input, code, message] of cases) {
      const error = await rpcError(app, channel, input);
      expect({ channel, code: error.code }).toEqual({ channel, code });
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain(client.key);
    }
  });
});
