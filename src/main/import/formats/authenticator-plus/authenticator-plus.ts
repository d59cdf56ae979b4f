import { configure, TextWriter, Uint8ArrayReader, ZipReader } from '@zip.js/zip.js';
import { defineFormat } from '../shared/define-format';
import { asciiPrefix } from '../shared/encoding';
import {
  importError,
  malformed,
  passwordRequired,
  truncated,
  wrongPassword,
} from '../shared/errors';
import { uriLinesToEntries } from '../shared/uri-list';

/**
 * Authenticator Plus backup: a password-protected zip whose `Accounts.txt` lists one otpauth://
 * link per line (as Aegis's AuthenticatorPlusImporter reads it).
 */

const FORMAT = 'Authenticator Plus backup';
const FILE = 'Accounts.txt';
const MAX_TEXT_BYTES = 8 * 1024 * 1024;

// Web workers are a browser concern; in the main process zip.js runs inline.
configure({ useWebWorkers: false });

function isZipWithAccounts(bytes: Uint8Array): boolean {
  return asciiPrefix(bytes, 4) === 'PK\u0003\u0004' && Buffer.from(bytes).includes(FILE);
}

function zipErrorCode(error: unknown): 'password' | 'truncated' | 'other' {
  const message = error instanceof Error ? error.message : '';
  if (/password|encrypted/i.test(message)) return 'password';
  if (/end of central directory|not found|truncated|offset/i.test(message)) return 'truncated';
  return 'other';
}

export const authenticatorPlusFormat = defineFormat({
  id: 'authenticator-plus',
  name: FORMAT,
  detect: (bytes) => isZipWithAccounts(bytes),
  async parse(bytes, _text, options) {
    const reader = new ZipReader(new Uint8ArrayReader(bytes), {
      password: options.password,
      checkPasswordOnly: false,
    });
    try {
      let entries;
      try {
        entries = await reader.getEntries();
      } catch (error) {
        throw zipErrorCode(error) === 'truncated'
          ? truncated(FORMAT)
          : malformed(FORMAT, 'the zip archive is damaged');
      }
      const file = entries.find((e) => !e.directory && e.filename.split('/').pop() === FILE);
      if (!file || file.directory) throw malformed(FORMAT, `it has no ${FILE}`);
      if (file.uncompressedSize > MAX_TEXT_BYTES)
        throw importError('IMPORT_TOO_LARGE', `${FILE} is unreasonably large.`);
      if (file.encrypted && !options.password) throw passwordRequired(FORMAT);
      let text: string;
      try {
        text = await file.getData(new TextWriter(), { password: options.password });
      } catch (error) {
        const code = zipErrorCode(error);
        throw code === 'password'
          ? wrongPassword(FORMAT)
          : code === 'truncated'
            ? truncated(FORMAT)
            : malformed(FORMAT, 'the zip archive is damaged');
      }
      return {
        format: file.encrypted ? `${FORMAT} (encrypted)` : FORMAT,
        entries: uriLinesToEntries(text, FORMAT),
      };
    } finally {
      await reader.close();
    }
  },
});
