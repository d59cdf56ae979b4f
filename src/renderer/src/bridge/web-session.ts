import type { RpcResponse } from '../../../shared/contract';
import { WEB_SESSION_HEADER, WEB_SESSION_PATH } from '../../../shared/contract/bridge-names';
import type { ErrorPayload } from '../../../shared/errors';

const SESSION_KEY = 'tessera.session';

/**
 * Takes the start link's token out of the fragment, and out of the address bar and history with
 * it: it is single use anyway, and a reload must not try to spend it again.
 */
function takeStartToken(): string | undefined {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (token === null) return undefined;
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  // A new link replaces this tab's session, whether or not it turns out to be valid.
  window.sessionStorage.removeItem(SESSION_KEY);
  return token;
}

async function exchange(token: string): Promise<string | ErrorPayload> {
  const response = await fetch(WEB_SESSION_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
    credentials: 'omit',
  });
  const body = (await response.json()) as RpcResponse;
  if (!body.ok) return body.error;
  const session = (body.data as { session: string }).session;
  // sessionStorage: this tab only, kept across reloads, gone with the tab; never a cookie.
  window.sessionStorage.setItem(SESSION_KEY, session);
  return session;
}

/** The tab's session secret: from a start link just opened, else from an earlier load of this tab. */
function openSession(): Promise<string | ErrorPayload> {
  const token = takeStartToken();
  if (token !== undefined) return exchange(token);
  const stored = window.sessionStorage.getItem(SESSION_KEY);
  return Promise.resolve(
    stored ?? {
      code: 'UNAUTHENTICATED',
      message: 'This tab was not opened from a start link of `tessera web`.',
    },
  );
}

/**
 * Browser mode's calls carry the tab's session secret in a header. The session is opened once, on
 * the first call; a failure (a spent or expired start link) is the answer to every call.
 */
export function webSession(): () => Promise<
  { headers: Record<string, string> } | { error: ErrorPayload }
> {
  let session: Promise<string | ErrorPayload> | undefined;
  return async () => {
    session ??= openSession().catch(() => ({
      code: 'INTERNAL',
      message: 'Tessera (browser mode) could not be reached. Is `tessera web` still running?',
    }));
    const secret = await session;
    return typeof secret === 'string'
      ? { headers: { [WEB_SESSION_HEADER]: secret } }
      : { error: secret };
  };
}
