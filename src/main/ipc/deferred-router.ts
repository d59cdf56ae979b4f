import type { App } from '../app';
import type { AppConfig } from '../config';
import { openApp } from '../app';
import { TesseraError } from '../../shared/errors';
import type { Router } from './router';

export interface AppOpener {
  /** The open app, opening it now if needed; rejects with the reason it cannot open. */
  open(): Promise<App>;
  /** The app if it is open, without trying. */
  current(): App | undefined;
}

/**
 * Opens the app on first need and again on every later call until it succeeds, so that a locked
 * keychain can be unlocked and "Try again" works without restarting. Concurrent callers share
 * one attempt.
 */
export function createAppOpener(
  config: AppConfig,
  open: (config: AppConfig) => Promise<App> = openApp,
): AppOpener {
  let app: App | undefined;
  let attempt: Promise<App> | undefined;
  return {
    current: () => app,
    open() {
      if (app) return Promise.resolve(app);
      attempt ??= open(config)
        .then((opened) => (app = opened))
        .finally(() => (attempt = undefined));
      return attempt;
    },
  };
}

/**
 * The contract router of a front end whose window is shown before the vault is open: until it
 * opens, every call answers with the reason (e.g. KEYCHAIN_LOCKED) so the UI can explain it.
 */
export function deferredRouter(opener: AppOpener, mode: 'electron' | 'web'): Router {
  let router: Router | undefined;
  return async (channel, payload) => {
    if (!router) {
      try {
        router = (await opener.open()).router(mode);
      } catch (error) {
        if (error instanceof TesseraError) return { ok: false, error: error.toPayload() };
        return {
          ok: false,
          error: { code: 'INTERNAL', message: 'Tessera could not open its vault.' },
        };
      }
    }
    return router(channel, payload);
  };
}
