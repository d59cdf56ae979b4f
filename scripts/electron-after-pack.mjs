// electron-builder `afterPack` hook: flips Electron's fuses in the packed binary, before it is
// signed and wrapped into AppImage/deb/dmg/nsis. Fuses are read by Electron at startup and cannot
// be changed by the app, its environment or its command line.
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';
import { join } from 'node:path';

export const FUSES = {
  version: FuseVersion.V1,
  // `ELECTRON_RUN_AS_NODE=1 Tessera` would be a plain Node with the app's keychain identity.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS (e.g. --require) and --inspect would let anyone who starts the app run code in it.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // The app code is app.asar only, checked against the hash electron-builder embeds.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // The UI is served from app://, so file:// needs no extra powers.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The binary holding the fuse wire, for the platform electron-builder just packed. */
export function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return join(appOutDir, `${name}.app`);
  }
  if (electronPlatformName === 'win32') return join(appOutDir, `${name}.exe`);
  return join(appOutDir, packager.executableName);
}

export async function afterPack(context) {
  await flipFuses(electronBinary(context), {
    ...FUSES,
    // Flipping fuses breaks the ad-hoc signature of an unsigned arm64 macOS build; redo it.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin',
  });
}
