import { z } from 'zod';
import { decodeBase64, utf8OrUndefined } from '../shared/encoding';
import { defineFormat } from '../shared/define-format';
import { malformed, passwordRequired, unsupportedVersion, wrongPassword } from '../shared/errors';
import { jsonLooksLike, parseShape, readJson } from '../shared/json';
import { argon2id } from '../shared/kdf';
import {
  SECRETSTREAM_HEADER_BYTES,
  secretstreamInit,
  secretstreamPull,
} from '../shared/secretstream';
import { uriLinesToEntries } from '../shared/uri-list';

/**
 * Ente Auth encrypted export (docs/auth/migration/export.md in ente-io/ente), version 1:
 * key = libsodium crypto_pwhash Argon2id13 (memLimit bytes, opsLimit passes, one lane) of the
 * password; `encryptedData` is one crypto_secretstream_xchacha20poly1305 message whose header is
 * `encryptionNonce`; the plaintext is one otpauth:// link per line. Ente's plain-text export is a
 * plain URI list and goes through the URI-list importer.
 */

const FORMAT = 'Ente Auth export';

const fileShape = z.object({
  version: z.number().int(),
  kdfParams: z.object({ memLimit: z.number().int(), opsLimit: z.number().int(), salt: z.string() }),
  encryptedData: z.string(),
  encryptionNonce: z.string(),
});

export const enteFormat = defineFormat({
  id: 'ente',
  name: FORMAT,
  detect: (_bytes, text) => jsonLooksLike(text, ['kdfParams', 'encryptedData', 'encryptionNonce']),
  async parse(_bytes, text, options) {
    const file = parseShape(fileShape, readJson(text, FORMAT), FORMAT);
    if (file.version !== 1) throw unsupportedVersion(FORMAT, file.version);
    if (!options.password) throw passwordRequired(FORMAT);
    const header = decodeBase64(file.encryptionNonce, FORMAT, 'the nonce');
    if (header.length !== SECRETSTREAM_HEADER_BYTES)
      throw malformed(FORMAT, 'the nonce has the wrong length');
    const { memLimit, opsLimit, salt } = file.kdfParams;
    if (memLimit % 1024 !== 0)
      throw malformed(FORMAT, 'the memory limit is not a whole number of KiB');
    const key = await argon2id(
      options.password,
      decodeBase64(salt, FORMAT, 'the salt'),
      { memoryKiB: memLimit / 1024, iterations: opsLimit, parallelism: 1 },
      32,
      FORMAT,
    );
    const pulled = secretstreamPull(
      secretstreamInit(key, header),
      decodeBase64(file.encryptedData, FORMAT, 'the data'),
    );
    if (!pulled) throw wrongPassword(FORMAT);
    const plain = utf8OrUndefined(pulled.message);
    if (plain === undefined) throw malformed(FORMAT, 'the decrypted content is not text');
    return { format: `${FORMAT} (encrypted)`, entries: uriLinesToEntries(plain, FORMAT) };
  },
});
