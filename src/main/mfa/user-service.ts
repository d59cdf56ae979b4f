import type { UserView } from '../../shared/api';
import type { Caller } from './caller';
import type { MfaCore } from './mfa-core';
import { userNotFound } from './mfa-error';
import { userView } from './user-view';

export interface PutUserInput {
  displayName?: string | undefined;
  email?: string | undefined;
}

/** Users of one API client: created by the application with its own ids. */
export function createUserService({ store, clock }: MfaCore) {
  async function get(caller: Caller, userId: string): Promise<UserView> {
    const user = await store.read.user(caller.clientId, userId);
    if (!user) throw userNotFound(userId);
    return userView(user, caller.policy.mode, clock());
  }
  return {
    get,

    async put(caller: Caller, userId: string, input: PutUserInput) {
      const { created } = await store.transaction(async (tx) => {
        const now = clock();
        const { displayName, email } = input;
        const upserted = await tx.upsertUser({
          clientId: caller.clientId,
          userId,
          displayName,
          email,
          now,
        });
        await tx.record({
          at: now,
          actor: caller.actor,
          clientId: caller.clientId,
          userId,
          event: upserted.created ? 'user.created' : 'user.updated',
          outcome: 'success',
        });
        return upserted;
      });
      return { created, user: await get(caller, userId) };
    },

    async delete(caller: Caller, userId: string): Promise<void> {
      const deleted = await store.transaction(async (tx) => {
        const user = await tx.user(caller.clientId, userId);
        if (!user || !(await tx.deleteUser(user.pk))) return false;
        await tx.record({
          at: clock(),
          actor: caller.actor,
          clientId: caller.clientId,
          userId,
          event: 'user.deleted',
          outcome: 'success',
        });
        return true;
      });
      if (!deleted) throw userNotFound(userId);
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
