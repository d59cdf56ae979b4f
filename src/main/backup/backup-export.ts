import { TesseraError } from '../../shared/errors';
import { formatOtpauthUri } from '../../shared/otpauth-uri';
import { EMPTY_ORGANISATION } from '../../shared/organisation';
import type { StoredAccount } from '../vault/account-repository';
import type { BackupSource } from './backup-accounts';
import { DEFAULT_SCRYPT, type ScryptParams } from './backup-envelope';
import { encryptPayload } from './backup-crypto';
import { PAYLOAD_VERSION, type BackupPayload } from './backup-payload';

export const MIN_BACKUP_PASSWORD = 8;

export function checkBackupPassword(password: string): void {
  if (password.length < MIN_BACKUP_PASSWORD) {
    throw new TesseraError(
      'VALIDATION_FAILED',
      `Use a backup password of at least ${MIN_BACKUP_PASSWORD} characters.`,
      [{ path: ['password'], message: `Use at least ${MIN_BACKUP_PASSWORD} characters.` }],
    );
  }
}

export interface BackupExportOptions {
  password: string;
  now: Date;
  appVersion: string;
  scrypt?: ScryptParams;
}

/** The whole vault, encrypted, as the bytes of a `.tessera` file (pretty JSON, one envelope). */
export async function exportEncryptedBackup(
  accounts: BackupSource[],
  options: BackupExportOptions,
): Promise<Buffer> {
  checkBackupPassword(options.password);
  const payload: BackupPayload = {
    version: PAYLOAD_VERSION,
    exportedAt: options.now.toISOString(),
    appVersion: options.appVersion,
    accounts: accounts.map((a) => ({
      issuer: a.issuer,
      name: a.name,
      type: a.type,
      algorithm: a.algorithm,
      digits: a.digits,
      period: a.period,
      counter: a.counter,
      secret: a.secret,
      position: a.position,
      createdAt: a.createdAt,
      ...(a.recoveryCodes?.length ? { recoveryCodes: a.recoveryCodes } : {}),
      ...(a.organisation ?? EMPTY_ORGANISATION),
    })),
  };
  const plaintext = Buffer.from(JSON.stringify(payload), 'utf8');
  try {
    const envelope = await encryptPayload(
      plaintext,
      options.password,
      options.now,
      options.scrypt ?? DEFAULT_SCRYPT,
    );
    return Buffer.from(`${JSON.stringify(envelope, null, 2)}\n`, 'utf8');
  } finally {
    plaintext.fill(0);
  }
}

/** Plain otpauth URIs, one per line: readable by nearly every authenticator, and by anyone. */
export function exportUriList(accounts: StoredAccount[]): string {
  return accounts.map((a) => formatOtpauthUri(a)).join('\n') + (accounts.length > 0 ? '\n' : '');
}
