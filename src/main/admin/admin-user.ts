import type { AdminUser } from '../../shared/contract/admin';
import type { MfaContext } from '../mfa/mfa-context';
import { MfaError, userNotFound } from '../mfa/mfa-error';
import { userView } from '../mfa/user-view';
import { createClientRepository } from './client-repository';

/** One user of one client as the admin sees it (the admin service only lists or changes users). */
export function createAdminUserLookup(ctx: MfaContext) {
  const clients = createClientRepository(ctx.db);
  return (clientId: string, userId: string): AdminUser => {
    const client = clients.get(clientId);
    if (!client) throw new MfaError('CLIENT_NOT_FOUND', `No API client "${clientId}".`);
    const row = ctx.users.find(clientId, userId);
    if (!row) throw userNotFound(userId);
    return { ...userView(row, client.policy_mode, ctx.clock(), ctx.accepts), clientId };
  };
}
