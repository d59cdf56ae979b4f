import type { FuseV1Config } from '@electron/fuses';

/** The part of electron-builder's AfterPackContext the hook reads. */
export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { executableName: string; appInfo: { productFilename: string } };
}
export const FUSES: FuseV1Config;
export function electronBinary(context: PackContext): string;
export function afterPack(context: PackContext): Promise<void>;
