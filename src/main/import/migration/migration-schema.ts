import protobuf from 'protobufjs/light';

/**
 * Google Authenticator's export payload (`otpauth-migration://offline?data=...`), as published by
 * the reverse-engineered descriptor every importer (Aegis, 2FAS, KeePassXC) uses.
 */
const root = protobuf.Root.fromJSON({
  nested: {
    MigrationPayload: {
      fields: {
        otpParameters: { rule: 'repeated', type: 'OtpParameters', id: 1 },
        version: { type: 'int32', id: 2 },
        batchSize: { type: 'int32', id: 3 },
        batchIndex: { type: 'int32', id: 4 },
        batchId: { type: 'int32', id: 5 },
      },
      nested: {
        Algorithm: { values: { UNSPECIFIED: 0, SHA1: 1, SHA256: 2, SHA512: 3, MD5: 4 } },
        DigitCount: { values: { UNSPECIFIED: 0, SIX: 1, EIGHT: 2 } },
        OtpType: { values: { UNSPECIFIED: 0, HOTP: 1, TOTP: 2 } },
        OtpParameters: {
          fields: {
            secret: { type: 'bytes', id: 1 },
            name: { type: 'string', id: 2 },
            issuer: { type: 'string', id: 3 },
            algorithm: { type: 'Algorithm', id: 4 },
            digits: { type: 'DigitCount', id: 5 },
            type: { type: 'OtpType', id: 6 },
            counter: { type: 'int64', id: 7 },
          },
        },
      },
    },
  },
});

export const MigrationPayloadType = root.lookupType('MigrationPayload');

export interface OtpParameters {
  secret: Uint8Array;
  name: string;
  issuer: string;
  algorithm: number;
  digits: number;
  type: number;
  counter: number;
}

export interface MigrationPayload {
  otpParameters: OtpParameters[];
  version: number;
  batchSize: number;
  batchIndex: number;
  batchId: number;
}

export const ALGORITHM = { UNSPECIFIED: 0, SHA1: 1, SHA256: 2, SHA512: 3, MD5: 4 } as const;
export const DIGITS = { UNSPECIFIED: 0, SIX: 1, EIGHT: 2 } as const;
export const OTP_TYPE = { UNSPECIFIED: 0, HOTP: 1, TOTP: 2 } as const;
