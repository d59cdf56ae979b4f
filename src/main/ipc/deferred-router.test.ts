import { describe, expect, it } from 'vitest';
import type { App } from '../app';
import { TesseraError } from '../../shared/errors';
import { createAppOpener, deferredRouter } from './deferred-router';
import type { AppConfig } from '../config';

const config: AppConfig = { dataDir: '/unused', keychainService: 'unused', clock: Date.now };

function fakeApp(): App {
  return {
    router: () => async (channel: unknown) => ({ ok: true, data: { channel } }),
    close: () => undefined,
  } as unknown as App;
}

describe('deferred router', () => {
  it('answers with the reason the vault cannot open, then works once it can', async () => {
    let locked = true;
    let attempts = 0;
    const opener = createAppOpener(config, async () => {
      attempts++;
      if (locked) throw new TesseraError('KEYCHAIN_LOCKED', 'The OS keychain is locked.');
      return fakeApp();
    });
    const router = deferredRouter(opener, 'web');
    expect(await router('vault.list', {})).toEqual({
      ok: false,
      error: { code: 'KEYCHAIN_LOCKED', message: 'The OS keychain is locked.' },
    });
    locked = false;
    expect(await router('vault.list', {})).toEqual({ ok: true, data: { channel: 'vault.list' } });
    expect(await router('app.info', {})).toEqual({ ok: true, data: { channel: 'app.info' } });
    expect(attempts).toBe(2);
    expect(opener.current()).toBeDefined();
  });

  it('shares one attempt between concurrent callers', async () => {
    let attempts = 0;
    const opener = createAppOpener(config, async () => {
      attempts++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return fakeApp();
    });
    const [a, b] = await Promise.all([opener.open(), opener.open()]);
    expect(a).toBe(b);
    expect(attempts).toBe(1);
  });

  it('never passes an unexpected failure message across the boundary', async () => {
    const opener = createAppOpener(config, async () => {
      throw new Error('SQLITE_IOERR at /secret/path');
    });
    const response = await deferredRouter(opener, 'web')('vault.list', {});
    expect(response).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Tessera could not open its vault.' },
    });
  });
});
