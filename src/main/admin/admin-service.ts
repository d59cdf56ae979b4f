import type { AuditEvent, PolicyMode, UserView } from '../../shared/api';
import type { MfaContext } from '../mfa/mfa-context';
import { MfaError, userNotFound } from '../mfa/mfa-error';
import type { UserRow } from '../mfa/user-repository';
import { userView } from '../mfa/user-view';
import { createClientRepository } from './client-repository';

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

type AdminUser = UserView & { clientId: string };

/** What an admin key (or the desktop console) may do across every client's users. */
export function createAdminService(ctx: MfaContext) {
  const clients = createClientRepository(ctx.db);
  const listUsers = ctx.db.prepare(`
    SELECT * FROM (
      SELECT u.*, c.policy_mode,
        (SELECT expires_at FROM mfa_enrollments e WHERE e.user_pk = u.pk) AS pending_expires_at
      FROM mfa_users u JOIN api_clients c ON c.id = u.client_id
      WHERE (:clientId IS NULL OR u.client_id = :clientId) AND (:cursor IS NULL OR u.pk > :cursor)
        AND (:q IS NULL OR instr(lower(u.user_id || ' ' || coalesce(u.display_name, '') || ' ' || coalesce(u.email, '')), lower(:q)) > 0)
    ) WHERE :status IS NULL OR :status = CASE
      WHEN totp_factor_id IS NOT NULL THEN 'enrolled'
      WHEN pending_expires_at > :now THEN 'pending' ELSE 'none' END
    ORDER BY pk LIMIT :limit`);

  function target(clientId: string, userId: string): UserRow {
    if (!clients.get(clientId))
      throw new MfaError('CLIENT_NOT_FOUND', `No API client "${clientId}".`);
    const row = ctx.users.find(clientId, userId);
    if (!row) throw userNotFound(userId);
    return row;
  }

  function viewOf(clientId: string, userId: string): AdminUser {
    const client = clients.get(clientId)!;
    return {
      ...userView(target(clientId, userId), client.policy_mode, ctx.clock(), ctx.accepts),
      clientId,
    };
  }

  return {
    users(query: UserListQuery): Page<AdminUser> {
      const now = ctx.clock();
      const rows = listUsers.all({
        clientId: query.clientId ?? null,
        q: query.q ?? null,
        status: query.status ?? null,
        cursor: query.cursor === undefined ? null : Number(query.cursor),
        now,
        limit: query.limit + 1,
      }) as (UserRow & { policy_mode: PolicyMode })[];
      const page = rows.slice(0, query.limit);
      return {
        items: page.map((row) => ({
          ...userView(row, row.policy_mode, now, ctx.accepts),
          clientId: row.client_id,
        })),
        nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.pk) : null,
      };
    },

    async resetMfa(clientId: string, userId: string, actor: string): Promise<AdminUser> {
      const row = target(clientId, userId);
      await ctx.writes.run(() => {
        // Read in the job: a verify of this batch, or another process, may have changed it.
        const current = ctx.users.findByPk(row.pk);
        const verifiedAt = current ? ctx.accepts.lastVerifiedAt(current) : null;
        ctx.users.clearFactor(row.pk, ctx.clock(), verifiedAt);
        ctx.factors.deleteCodes(row.pk);
        ctx.factors.deletePending(row.pk);
        ctx.record({ actor, clientId, userId, event: 'mfa.reset', outcome: 'success' });
      });
      ctx.factorCache.forget(clientId, userId);
      return viewOf(clientId, userId);
    },

    async unlock(clientId: string, userId: string, actor: string): Promise<AdminUser> {
      const row = target(clientId, userId);
      await ctx.writes.run(() => {
        ctx.users.unlock(row.pk, ctx.clock());
        ctx.record({ actor, clientId, userId, event: 'lockout.unlocked', outcome: 'success' });
      });
      return viewOf(clientId, userId);
    },

    audit(query: AuditListQuery): Page<AuditEvent> {
      const items = ctx.audit.query({
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
