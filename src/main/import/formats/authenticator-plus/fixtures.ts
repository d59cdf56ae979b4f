import { TextReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';
import { SECRET2_B32, SECRET_B32 } from '../test-support/secrets';

export const authenticatorPlusLines = (): string =>
  [
    `otpauth://totp/GitHub:alice?secret=${SECRET_B32}&issuer=GitHub`,
    `otpauth://hotp/bob?secret=${SECRET2_B32}&counter=4`,
    'garbage line',
  ].join('\n');

/** A password-protected zip with Accounts.txt, as Authenticator Plus writes (AES or ZipCrypto). */
export async function authenticatorPlusZip(
  password: string,
  zipCrypto = false,
): Promise<Uint8Array> {
  const writer = new ZipWriter(new Uint8ArrayWriter(), {
    password,
    zipCrypto,
    useWebWorkers: false,
  });
  await writer.add('Accounts.txt', new TextReader(authenticatorPlusLines()));
  await writer.add('Settings.txt', new TextReader('theme=dark'));
  return writer.close();
}
