import { describe, expect, it } from 'vitest';
import { permissionCheckPassed, permissionGranted } from './permissions';
import { chosenScreen, screenChoiceDialog } from './screen-chooser';

const APP = 'app://tessera';
const own = { requestingUrl: 'app://tessera/index.html', isMainFrame: true };

describe('Electron permissions', () => {
  it('grants the camera (video only) and a screen grab to the app’s own top frame', () => {
    expect(permissionGranted('media', { ...own, mediaTypes: ['video'] }, APP)).toBe(true);
    expect(permissionGranted('display-capture', own, APP)).toBe(true);
  });

  it('refuses audio, other permissions, other origins and sub-frames', () => {
    expect(permissionGranted('media', { ...own, mediaTypes: ['audio'] }, APP)).toBe(false);
    expect(permissionGranted('media', { ...own, mediaTypes: ['video', 'audio'] }, APP)).toBe(false);
    expect(permissionGranted('media', { ...own, mediaTypes: [] }, APP)).toBe(false);
    for (const other of ['geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid']) {
      expect(permissionGranted(other, own, APP), other).toBe(false);
    }
    const video = { mediaTypes: ['video' as const] };
    expect(
      permissionGranted('media', { ...video, requestingUrl: 'https://evil.example/' }, APP),
    ).toBe(false);
    expect(
      permissionGranted('media', { ...video, ...own, requestingUrl: 'app://tessera.evil/' }, APP),
    ).toBe(false);
    expect(permissionGranted('media', { ...video, ...own, isMainFrame: false }, APP)).toBe(false);
  });

  it('answers permission checks with the same rule', () => {
    const check = { requestingOrigin: 'app://tessera', isMainFrame: true };
    expect(permissionCheckPassed('media', { ...check, mediaType: 'video' }, APP)).toBe(true);
    expect(permissionCheckPassed('media', { ...check, mediaType: 'audio' }, APP)).toBe(false);
    expect(permissionCheckPassed('geolocation', check, APP)).toBe(false);
    expect(
      permissionCheckPassed(
        'media',
        { requestingOrigin: 'https://evil.example', mediaType: 'video' },
        APP,
      ),
    ).toBe(false);
  });
});

describe('screen chooser (platforms without a system picker)', () => {
  const screens = [
    { id: 'screen:0:0', name: 'Screen 1' },
    { id: 'screen:1:0', name: 'Screen 2' },
  ];

  it('lists every screen and a Cancel that is the default', () => {
    const dialog = screenChoiceDialog(screens);
    expect(dialog.buttons).toEqual(['Screen 1', 'Screen 2', 'Cancel']);
    expect(dialog.cancelId).toBe(2);
    expect(dialog.defaultId).toBe(2);
  });

  it('captures the screen the person picked, and nothing on Cancel', () => {
    expect(chosenScreen(screens, 1)).toBe(screens[1]);
    expect(chosenScreen(screens, 2)).toBeUndefined();
    expect(chosenScreen(screens, -1)).toBeUndefined();
    expect(screenChoiceDialog([]).buttons).toEqual(['Cancel']);
  });
});
