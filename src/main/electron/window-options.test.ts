import { describe, expect, it } from 'vitest';
import { windowOptions } from './window-options';
import { devToolsAllowed, isAppUrl, originOf, rendererSource } from './renderer-source';

const DEV = { ELECTRON_RENDERER_URL: 'http://localhost:5173', NODE_ENV: 'development' };
const packaged = { packaged: true, env: DEV };
const unpackaged = { packaged: false, env: DEV };

describe('Electron window hardening', () => {
  const prefs = windowOptions('/app/preload.js', devToolsAllowed(packaged)).webPreferences!;

  it('isolates the renderer from Node and Electron', () => {
    expect(prefs).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('opens DevTools only in an unpackaged development run, whatever NODE_ENV says', () => {
    expect(prefs.devTools).toBe(false);
    expect(devToolsAllowed(packaged)).toBe(false);
    expect(devToolsAllowed({ packaged: false, env: {} })).toBe(false);
    expect(devToolsAllowed(unpackaged)).toBe(true);
  });

  it('loads the app:// UI when packaged, even with ELECTRON_RENDERER_URL set', () => {
    expect(rendererSource(packaged)).toEqual({
      url: 'app://tessera/index.html',
      origin: 'app://tessera',
    });
    expect(rendererSource({ packaged: false, env: {} }).url).toBe('app://tessera/index.html');
  });

  it('honours the dev server only unpackaged, and only on loopback http', () => {
    expect(rendererSource(unpackaged)).toEqual({
      url: 'http://localhost:5173/',
      origin: 'http://localhost:5173',
    });
    for (const foreign of [
      'https://evil.example/',
      'http://evil.example:5173/',
      'file:///etc/passwd',
      'not a url',
    ]) {
      const source = rendererSource({ packaged: false, env: { ELECTRON_RENDERER_URL: foreign } });
      expect(source.origin, foreign).toBe('app://tessera');
    }
  });

  it('lets the window show only its own origin, compared exactly', () => {
    const app = 'app://tessera';
    expect(isAppUrl('app://tessera/index.html', app)).toBe(true);
    expect(isAppUrl('app://tessera/index.html#/settings', app)).toBe(true);
    expect(isAppUrl('app://tessera.evil/index.html', app)).toBe(false);
    expect(isAppUrl('app://other/index.html', app)).toBe(false);
    expect(isAppUrl('file:///app/out/renderer/index.html', app)).toBe(false);
    expect(isAppUrl('https://evil.example/', app)).toBe(false);

    const dev = 'http://localhost:5173';
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173.evil.example/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:51730/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5173@evil.example/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(originOf('::not a url')).toBeUndefined();
  });
});
