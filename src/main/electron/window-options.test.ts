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
    expect(isAppUrl('file:///app/out/renderer/index.html', undefined)).toBe(true);
    expect(isAppUrl('https://evil.example/', undefined)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('https://evil.example/', 'http://localhost:5173')).toBe(false);
  });
});
