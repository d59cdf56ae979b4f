import { APP_VERSION, type App } from '../app';
import { DEFAULT_API_PORT, startApiServer, type ApiServer } from './server';

/**
 * The verification API beside the desktop app (port TESSERA_API_PORT or 47300). A busy port must
 * not stop the authenticator from opening: it is reported and the app runs without the API.
 */
export async function startLocalApi(
  app: App,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ApiServer | undefined> {
  const port = env.TESSERA_API_PORT ? Number(env.TESSERA_API_PORT) : DEFAULT_API_PORT;
  const services = app.mfa;
  try {
    const server = await startApiServer({ services, version: APP_VERSION, port });
    console.log(`Tessera API listening on ${server.url}`);
    return server;
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unknown';
    console.error(
      `tessera: the verification API did not start on 127.0.0.1:${port} (${code}); the app runs without it.`,
    );
    return undefined;
  }
}
