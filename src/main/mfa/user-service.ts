import type { UserView } from '../../shared/api';
import type { Caller } from './caller';
import type { MfaContext } from './mfa-context';
import { userNotFound } from './mfa-error';
import { userView } from './user-view';

export interface PutUserInput {
  displayName?: string | undefined;
  email?: string | undefined;
}

/** Users of one API client: created by the application with its own ids. */
export function createUserService(ctx: MfaContext) {
  const { users, writes } = ctx;
  return {
    async put(
      caller: Caller,
      userId: string,
      input: PutUserInput,
    ): Promise<{ created: boolean; user: UserView }> {
      const created = await writes.run(() => {
        const now = ctx.clock();
        const existing = users.find(caller.clientId, userId);
        const base = {
          actor: caller.actor,
          clientId: caller.clientId,
          userId,
          outcome: 'success' as const,
        };
        if (existing) {
          users.update(existing.pk, input.displayName ?? null, input.email ?? null, now);
          ctx.record({ ...base, event: 'user.updated' });
          return false;
        }
        users.insert(caller.clientId, userId, input.displayName ?? null, input.email ?? null, now);
        ctx.record({ ...base, event: 'user.created' });
        return true;
      });
      return { created, user: this.get(caller, userId) };
    },

    get(caller: Caller, userId: string): UserView {
      const row = users.find(caller.clientId, userId);
      if (!row) throw userNotFound(userId);
      return userView(row, caller.policy.mode, ctx.clock(), ctx.accepts);
    },

    async delete(caller: Caller, userId: string): Promise<void> {
      const deleted = await writes.run(() => {
        const row = users.find(caller.clientId, userId);
        if (!row || !users.delete(row.pk)) return false;
        ctx.record({
          actor: caller.actor,
          clientId: caller.clientId,
          userId,
          event: 'user.deleted',
          outcome: 'success',
        });
        return true;
      });
      ctx.factorCache.forget(caller.clientId, userId);
      if (!deleted) throw userNotFound(userId);
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
