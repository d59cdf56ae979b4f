import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const config = JSON.parse(readFileSync(join(ROOT, 'electron-builder.json'), 'utf8'));
const hook = (await import(
  join(ROOT, config.afterPack)
)) as typeof import('../../scripts/electron-after-pack.mjs');
const dir = mkdtempSync(join(tmpdir(), 'tessera-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WANTED: [FuseV1Options, boolean][] = [
  [FuseV1Options.RunAsNode, false],
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable, false],
  [FuseV1Options.EnableNodeCliInspectArguments, false],
  [FuseV1Options.EnableCookieEncryption, true],
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, true],
  [FuseV1Options.OnlyLoadAppFromAsar, true],
];

/** A stand-in for the Electron binary: the fuse sentinel, wire version 1, nine fuses as shipped. */
function fakeElectron(path: string): void {
  const wire = Buffer.from([1, 9, ...Buffer.from('101100000')]);
  const sentinel = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX');
  writeFileSync(
    path,
    Buffer.concat([Buffer.alloc(4096, 7), sentinel, wire, Buffer.alloc(4096, 7)]),
  );
}

describe('packaging (electron-builder)', () => {
  it('builds AppImage and deb, dmg and nsis, with asar on', () => {
    expect(config.asar).toBe(true);
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.mac.target).toContain('dmg');
    expect(config.win.target).toContain('nsis');
  });

  it('has an app icon: a 512×512 PNG and a Windows .ico', () => {
    const png = readFileSync(join(ROOT, config.linux.icon));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(config.mac.icon).toBe(config.linux.icon);
    const ico = readFileSync(join(ROOT, config.win.icon));
    expect([...ico.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(4); // several sizes
  });

  it('lists the fuses the afterPack hook flips', () => {
    expect(existsSync(join(ROOT, config.afterPack))).toBe(true);
    for (const [fuse, value] of WANTED) expect(hook.FUSES[fuse], FuseV1Options[fuse]).toBe(value);
  });

  it('flips them in the packed binary', async () => {
    const binary = join(dir, 'tessera');
    fakeElectron(binary);
    await hook.afterPack({
      appOutDir: dir,
      electronPlatformName: 'linux',
      packager: { executableName: 'tessera', appInfo: { productFilename: 'Tessera' } },
    });
    const wire = await getCurrentFuseWire(binary);
    for (const [fuse, value] of WANTED) {
      expect(wire[fuse], FuseV1Options[fuse]).toBe(value ? FuseState.ENABLE : FuseState.DISABLE);
    }
  });

  it('names the binary for each platform', () => {
    const packager = { executableName: 'tessera', appInfo: { productFilename: 'Tessera' } };
    const at = (electronPlatformName: string) =>
      hook.electronBinary({ appOutDir: '/out', electronPlatformName, packager });
    expect(at('linux')).toBe('/out/tessera');
    expect(at('win32')).toBe('/out/Tessera.exe');
    expect(at('darwin')).toBe('/out/Tessera.app');
  });
});
