/** The custom scheme the packaged UI is served from (see app-protocol.ts), instead of file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tessera';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export interface RunContext {
  /** Electron's `app.isPackaged`. */
  packaged: boolean;
  env: NodeJS.ProcessEnv;
}

export interface RendererSource {
  /** What the window loads. */
  url: string;
  /** The one origin allowed to be shown in the window and to call IPC. */
  origin: string;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `scheme://host[:port]`, compared exactly. WHATWG URL gives non-special schemes such as app:
 * an opaque origin ("null"), so it is built from the parts; a URL that does not parse has none.
 */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The UI comes from the app's own scheme. electron-vite's dev server (ELECTRON_RENDERER_URL) is
 * honoured only in an unpackaged run, and only on a loopback http URL: an installed app must not
 * load whatever an environment variable names.
 */
export function rendererSource({ packaged, env }: RunContext): RendererSource {
  const dev = packaged ? undefined : env.ELECTRON_RENDERER_URL;
  if (dev) {
    try {
      const url = new URL(dev);
      if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) {
        return { url: url.href, origin: originOf(url.href)! };
      }
    } catch {
      // Not a URL: fall through to the bundled UI.
    }
  }
  return { url: `${APP_ORIGIN}/index.html`, origin: APP_ORIGIN };
}

/** DevTools: only in an unpackaged run started for development. */
export function devToolsAllowed({ packaged, env }: RunContext): boolean {
  return !packaged && env.NODE_ENV === 'development';
}

/** Only our own UI may be shown or call IPC: the exact origin, never a prefix of it. */
export function isAppUrl(url: string, appOrigin: string): boolean {
  return originOf(url) === appOrigin;
}
