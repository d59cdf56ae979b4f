import { z } from 'zod';
import type { ImportEntry } from '../../import-types';
import { toImportEntry } from '../shared/account';
import { defineFormat } from '../shared/define-format';
import { optionalInt, optionalText } from '../shared/lenient';
import { malformed, passwordRequired, unsupportedVersion } from '../shared/errors';
import { hasKeys, isRecord, jsonLooksLike, parseShape, readJson } from '../shared/json';
import { decryptAegisContent, type AegisHeader } from './aegis-crypto';

/**
 * Aegis vault export (docs/vault.md in beemdevelopment/Aegis): `{version: 1, header, db}` where
 * `db` is the content object, or base64 AES-256-GCM ciphertext of it when header.slots is set.
 * Content version 1/2 entries carry a `group` name, version 3 a `groups` list of UUIDs (named in the
 * content's `groups`); both become tags, and `favorite` and `note` carry over.
 */

const FORMAT = 'Aegis vault';

const entryShape = z.object({
  type: z.string(),
  name: optionalText,
  issuer: optionalText,
  info: z.object({
    secret: optionalText,
    algo: optionalText,
    digits: optionalInt,
    period: optionalInt,
    counter: optionalInt,
  }),
  favorite: z.boolean().nullish(),
  note: z.string().nullish(),
  group: z.string().nullish(),
  groups: z.array(z.string()).nullish(),
});
const groupsShape = z.array(z.object({ uuid: z.string(), name: z.string() }));
const contentShape = z.object({ version: z.number().int(), entries: z.array(z.unknown()) });

export function convertAegisContent(content: unknown): ImportEntry[] {
  const db = parseShape(contentShape, content, FORMAT);
  if (db.version > 3) throw unsupportedVersion(FORMAT, `content ${db.version}`);
  const named = groupsShape.safeParse((content as { groups?: unknown }).groups);
  const groupNames = new Map(named.success ? named.data.map((g) => [g.uuid, g.name]) : []);
  return db.entries.map((value, index) => {
    const parsed = entryShape.safeParse(value);
    if (!parsed.success)
      return { label: `Entry ${index + 1}`, skipReason: 'This entry is incomplete in the file.' };
    const { type, name, issuer, info, favorite, note, group, groups } = parsed.data;
    const tags = group ? [group] : (groups ?? []).flatMap((id) => groupNames.get(id) ?? []);
    return toImportEntry({
      type,
      name,
      issuer,
      secret: info.secret,
      algorithm: info.algo,
      digits: info.digits,
      period: info.period,
      counter: info.counter,
      tags,
      favourite: favorite ?? false,
      note,
    });
  });
}

function isAegis(value: unknown): value is Record<string, unknown> {
  return (
    hasKeys(value, 'version', 'header', 'db') && isRecord(value.header) && 'slots' in value.header
  );
}

export const aegisFormat = defineFormat({
  id: 'aegis',
  name: FORMAT,
  detect: (_bytes, text) => jsonLooksLike(text, ['version', 'header', 'db'], isAegis),
  async parse(_bytes, text, options) {
    const file = readJson(text, FORMAT);
    if (!isAegis(file)) throw malformed(FORMAT);
    if (file.version !== 1) throw unsupportedVersion(FORMAT, String(file.version));
    const header = file.header as AegisHeader;
    if (header.slots === null || header.slots === undefined) {
      return { format: FORMAT, entries: convertAegisContent(file.db) };
    }
    if (!options.password) throw passwordRequired(FORMAT);
    const content = await decryptAegisContent(header, file.db, options.password);
    return { format: `${FORMAT} (encrypted)`, entries: convertAegisContent(content) };
  },
});
