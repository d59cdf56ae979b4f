import { base32ToBytes, normalizeBase32Secret } from '../../../shared/secret';
import type { AccountDraft } from '../../../shared/account';
import { ALGORITHM, DIGITS, MigrationPayloadType, OTP_TYPE } from './migration-schema';

export interface BatchInfo {
  size: number;
  index: number;
  id: number;
}

/** Builds a Google Authenticator export link, as the phone app does (used by tests and fixtures). */
export function encodeMigrationUri(
  accounts: AccountDraft[],
  batch: BatchInfo = { size: 1, index: 0, id: 1 },
): string {
  const message = MigrationPayloadType.fromObject({
    otpParameters: accounts.map((a) => ({
      secret: base32ToBytes(normalizeBase32Secret(a.secret)),
      name: a.name,
      issuer: a.issuer,
      algorithm: ALGORITHM[a.algorithm],
      digits: a.digits === 8 ? DIGITS.EIGHT : DIGITS.SIX,
      type: a.type === 'hotp' ? OTP_TYPE.HOTP : OTP_TYPE.TOTP,
      counter: a.type === 'hotp' ? a.counter : 0,
    })),
    version: 1,
    batchSize: batch.size,
    batchIndex: batch.index,
    batchId: batch.id,
  });
  const data = Buffer.from(MigrationPayloadType.encode(message).finish()).toString('base64');
  return `otpauth-migration://offline?data=${encodeURIComponent(data)}`;
}
