import { APP_VERSION, type App } from '../app';
import { TesseraError } from '../../shared/errors';
import { DEFAULT_API_PORT, startApiServer, type ApiServer } from './server';

/**
 * The verification API beside the desktop app or browser mode (port TESSERA_API_PORT or 47300).
 * Its outcome is kept in `app.apiStatus`, which `app.info` reports so the window can show a port
 * held by another program; a failure is rethrown for the caller to decide (browser mode exits,
 * the desktop app keeps the authenticator open and shows the reason).
 */
export async function startLocalApi(
  app: App,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ApiServer> {
  const port = env.TESSERA_API_PORT ? Number(env.TESSERA_API_PORT) : DEFAULT_API_PORT;
  const services = app.mfa;
  try {
    const server = await startApiServer({ services, version: APP_VERSION, port });
    app.apiStatus = { state: 'listening', url: server.url! };
    console.log(`Tessera API listening on ${server.url}`);
    return server;
  } catch (error) {
    const failure =
      error instanceof TesseraError
        ? error
        : new TesseraError('API_LISTEN_FAILED', `The verification API did not start on ${port}.`);
    app.apiStatus = { state: 'failed', code: failure.code, message: failure.message };
    throw failure;
  }
}
