import type { ClientView } from '../../shared/contract/admin';
import { MfaError } from '../mfa/mfa-error';
import type { MfaServices } from '../mfa/mfa-services';
import type { Handlers } from '../../shared/contract/handlers';

/** Who the audit log names for everything done in the desktop console (API keys are `admin:<id>`). */
export const CONSOLE_ACTOR = 'console';

type AdminChannel = Extract<keyof Handlers, `admin.${string}`>;

/** Router handlers for the admin console, over the app's one set of MFA services. */
export function adminConsoleHandlers(mfa: MfaServices): Pick<Handlers, AdminChannel> {
  const { admin, clients } = mfa;

  async function clientView(clientId: string): Promise<ClientView> {
    const view = (await clients.list()).find((c) => c.id === clientId);
    if (!view) throw new MfaError('CLIENT_NOT_FOUND', `No API client "${clientId}".`);
    return { ...view, policy: await clients.getPolicy(clientId) };
  }

  return {
    'admin.users': (query) => admin.users(query),
    'admin.user': ({ clientId, userId }) => admin.user(clientId, userId),
    'admin.resetMfa': ({ clientId, userId }) => admin.resetMfa(clientId, userId, CONSOLE_ACTOR),
    'admin.unlock': ({ clientId, userId }) => admin.unlock(clientId, userId, CONSOLE_ACTOR),
    'admin.regenerateBackupCodes': async ({ clientId, userId }) => {
      const backupCodes = await admin.regenerateBackupCodes(clientId, userId, CONSOLE_ACTOR);
      return { user: await admin.user(clientId, userId), backupCodes };
    },
    'admin.audit': (query) => admin.audit(query),
    'admin.clients': async () =>
      Promise.all(
        (await clients.list()).map(async (info) => ({
          ...info,
          policy: await clients.getPolicy(info.id),
        })),
      ),
    'admin.createClient': async ({ name, scope }) => {
      const created = await clients.create(name, scope, CONSOLE_ACTOR);
      return { ...(await clientView(created.id)), key: created.key };
    },
    'admin.revokeClient': async ({ clientId }) => {
      await clients.revoke(clientId, CONSOLE_ACTOR);
      return clientView(clientId);
    },
    'admin.policy': ({ clientId }) => clients.getPolicy(clientId),
    'admin.setPolicy': ({ clientId, policy }) => clients.putPolicy(clientId, policy, CONSOLE_ACTOR),
  };
}
