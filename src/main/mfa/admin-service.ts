import type { AuditEvent, PolicyMode, UserView } from '../../shared/api';
import { formatBackupCode, generateBackupCodes } from './backup-codes';
import type { MfaCore } from './mfa-core';
import { MfaError, userNotFound } from './mfa-error';
import type { AuditEntry, ClientRecord, UserRecord } from './store/mfa-store';
import { userView } from './user-view';

export interface UserListQuery {
  clientId?: string | undefined;
  q?: string | undefined;
  status?: 'none' | 'pending' | 'enrolled' | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface AuditListQuery {
  clientId?: string | undefined;
  userId?: string | undefined;
  event?: string | undefined;
  since?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type AdminUser = UserView & { clientId: string };

const clientNotFound = (clientId: string) =>
  new MfaError('CLIENT_NOT_FOUND', `No API client "${clientId.slice(0, 32)}".`);
const noCodesToReplace = (userId: string) =>
  new MfaError(
    'NOT_ENROLLED',
    `${userId.slice(0, 128)} has no confirmed authenticator, so there are no backup codes to replace.`,
  );

/** What an admin key (or the desktop console) may do across every client's users. */
export function createAdminService({ store, keys, clock }: MfaCore) {
  async function target(clientId: string, userId: string): Promise<[ClientRecord, UserRecord]> {
    const client = await store.read.client(clientId);
    if (!client) throw clientNotFound(clientId);
    const user = await store.read.user(clientId, userId);
    if (!user) throw userNotFound(userId);
    return [client, user];
  }

  async function user(clientId: string, userId: string): Promise<AdminUser> {
    const [client, row] = await target(clientId, userId);
    return { ...userView(row, client.policy.mode, clock()), clientId };
  }

  /** One change of a user and its audit row, in one transaction; the user as it is after. */
  async function change(
    clientId: string,
    userId: string,
    actor: string,
    event: AuditEntry['event'],
    apply: (
      pk: number,
      now: number,
      tx: Parameters<Parameters<typeof store.transaction>[0]>[0],
    ) => Promise<unknown>,
  ): Promise<AdminUser> {
    const [, row] = await target(clientId, userId);
    await store.transaction(async (tx) => {
      const now = clock();
      await apply(row.pk, now, tx);
      await tx.record({ at: now, actor, clientId, userId, event, outcome: 'success' });
    });
    return user(clientId, userId);
  }

  return {
    user,

    async users(query: UserListQuery): Promise<Page<AdminUser>> {
      const now = clock();
      const rows = await store.read.users(
        {
          clientId: query.clientId,
          q: query.q,
          status: query.status,
          afterPk: query.cursor === undefined ? undefined : Number(query.cursor),
          limit: query.limit + 1,
        },
        now,
      );
      const page = rows.slice(0, query.limit);
      return {
        items: page.map((row) => ({
          ...userView(row, row.policyMode as PolicyMode, now),
          clientId: row.clientId,
        })),
        nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.pk) : null,
      };
    },

    resetMfa: (clientId: string, userId: string, actor: string) =>
      change(clientId, userId, actor, 'mfa.reset', (pk, now, tx) => tx.clearFactor(pk, now)),

    unlock: (clientId: string, userId: string, actor: string) =>
      change(clientId, userId, actor, 'lockout.unlocked', (pk, now, tx) => tx.unlock(pk, now)),

    /**
     * A new set of backup codes for a user who lost theirs. Unlike the API's step-up route it
     * needs no code from the user: the admin vouches for them, and the audit names the admin.
     */
    async regenerateBackupCodes(
      clientId: string,
      userId: string,
      actor: string,
    ): Promise<string[]> {
      const [client, row] = await target(clientId, userId);
      const factorId = row.factorId;
      if (factorId === null) throw noCodesToReplace(userId);
      const codes = generateBackupCodes(client.policy.backupCodeCount);
      const hashes = codes.map((code) => keys.backupCodeHash(row.pk, code));
      const applied = await store.transaction(async (tx) => {
        // Names the factor: a reset in between leaves no codes for a factor that is gone.
        if (!(await tx.replaceBackupCodes(row.pk, factorId, hashes))) return false;
        await tx.record({
          at: clock(),
          actor,
          clientId,
          userId,
          event: 'backup_codes.regenerated',
          outcome: 'success',
          detail: { count: hashes.length },
        });
        return true;
      });
      if (!applied) throw noCodesToReplace(userId);
      return codes.map(formatBackupCode);
    },

    async audit(query: AuditListQuery): Promise<Page<AuditEvent>> {
      const items = await store.read.audit({
        ...(query.clientId ? { clientId: query.clientId } : {}),
        ...(query.userId ? { userId: query.userId } : {}),
        ...(query.event ? { event: query.event } : {}),
        ...(query.since ? { sinceMs: Date.parse(query.since) } : {}),
        ...(query.cursor ? { beforeId: Number(query.cursor) } : {}),
        limit: query.limit + 1,
      });
      const page = items.slice(0, query.limit);
      return {
        items: page,
        nextCursor: items.length > query.limit ? String(page[page.length - 1]!.id) : null,
      };
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
