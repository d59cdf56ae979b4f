import { describe, expect, it } from 'vitest';
import { isAppUrl, windowOptions } from './window-options';

describe('Electron window hardening', () => {
  const prefs = windowOptions('/app/preload.js').webPreferences!;

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

  it('keeps DevTools closed outside development', () => {
    expect(prefs.devTools).toBe(false);
  });

  it('lets the window show only our own bundle', () => {
    const app = 'file:///app/out/renderer/index.html';
    expect(isAppUrl(app, undefined, app)).toBe(true);
    expect(isAppUrl(`${app}#/settings`, undefined, app)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', undefined, app)).toBe(false);
    expect(isAppUrl('https://evil.example/', undefined, app)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173', app)).toBe(true);
    expect(isAppUrl('https://evil.example/', 'http://localhost:5173', app)).toBe(false);
  });
});
