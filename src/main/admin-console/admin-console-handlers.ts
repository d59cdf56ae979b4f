import type { ClientView } from '../../shared/contract/admin';
import { createAdminBackupCodes, type AdminBackupCodes } from '../admin/admin-backup-codes';
import { createAdminUserLookup } from '../admin/admin-user';
import { MfaError } from '../mfa/mfa-error';
import type { MfaServices } from '../api/services';
import type { Handlers } from '../ipc/router';

/** Who the audit log names for everything done in the desktop console (API keys are `admin:<id>`). */
export const CONSOLE_ACTOR = 'console';

type AdminChannel = Extract<keyof Handlers, `admin.${string}`>;

/**
 * Router handlers for the admin console. `mfa` is the app's one shared set of MFA services,
 * asked for on each call so that opening the vault never builds them unless the console is used.
 */
export function adminConsoleHandlers(mfa: () => MfaServices): Pick<Handlers, AdminChannel> {
  let backupCodes: AdminBackupCodes | undefined;
  const codes = () => (backupCodes ??= createAdminBackupCodes(mfa().ctx));

  function clientViews(): ClientView[] {
    const { clients } = mfa();
    return clients.list().map((info) => ({ ...info, policy: clients.getPolicy(info.id) }));
  }

  function clientView(clientId: string): ClientView {
    const view = clientViews().find((c) => c.id === clientId);
    if (!view) throw new MfaError('CLIENT_NOT_FOUND', `No API client "${clientId}".`);
    return view;
  }

  let lookup: ReturnType<typeof createAdminUserLookup> | undefined;
  const user = (clientId: string, userId: string) =>
    (lookup ??= createAdminUserLookup(mfa().ctx))(clientId, userId);

  return {
    'admin.users': (query) => mfa().admin.users(query),
    'admin.user': ({ clientId, userId }) => user(clientId, userId),
    'admin.resetMfa': ({ clientId, userId }) =>
      mfa().admin.resetMfa(clientId, userId, CONSOLE_ACTOR),
    'admin.unlock': ({ clientId, userId }) => mfa().admin.unlock(clientId, userId, CONSOLE_ACTOR),
    'admin.regenerateBackupCodes': async ({ clientId, userId }) => {
      const backup = await codes().regenerate(clientId, userId, CONSOLE_ACTOR);
      return { user: user(clientId, userId), backupCodes: backup };
    },
    'admin.audit': (query) => mfa().admin.audit(query),
    'admin.clients': () => clientViews(),
    'admin.createClient': async ({ name, scope }) => {
      const created = await mfa().clients.create(name, scope, CONSOLE_ACTOR);
      return { ...clientView(created.id), key: created.key };
    },
    'admin.revokeClient': async ({ clientId }) => {
      await mfa().clients.revoke(clientId, CONSOLE_ACTOR);
      return clientView(clientId);
    },
    'admin.policy': ({ clientId }) => mfa().clients.getPolicy(clientId),
    'admin.setPolicy': ({ clientId, policy }) =>
      mfa().clients.putPolicy(clientId, policy, CONSOLE_ACTOR),
  };
}
