import {
  EMPTY_ORGANISATION,
  MAX_NOTE_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  storedIconSchema,
  uniqueTags,
  type ImportedOrganisation,
  type Organisation,
} from '../../shared/organisation';

/** Control characters become spaces (a note keeps its line breaks and tabs). */
function withoutControls(text: string, keep = ''): string {
  return [...text]
    .map((c) => ((c.charCodeAt(0) < 0x20 || c === '\u007f') && !keep.includes(c) ? ' ' : c))
    .join('');
}

/**
 * What another app (or an older backup) carried, made to fit Tessera's rules instead of refusing
 * the account: a group name longer than a tag is shortened, an unreadable icon is left out.
 */
export function organisationFromImport(imported: ImportedOrganisation | undefined): Organisation {
  if (!imported) return EMPTY_ORGANISATION;
  const tags = (imported.tags ?? [])
    .map((t) => withoutControls(t).replaceAll(',', ' ').trim().slice(0, MAX_TAG_LENGTH).trim())
    .filter((t) => t !== '');
  const lastUsed = imported.lastUsedAt ? Date.parse(imported.lastUsedAt) : NaN;
  return {
    favourite: imported.favourite === true,
    tags: uniqueTags(tags).slice(0, MAX_TAGS),
    note: withoutControls(imported.note ?? '', '\n\t').slice(0, MAX_NOTE_LENGTH),
    lastUsedAt: Number.isFinite(lastUsed) ? new Date(lastUsed).toISOString() : null,
    customIcon: storedIconSchema.safeParse(imported.customIcon).success
      ? (imported.customIcon ?? null)
      : null,
  };
}

/** Entries in the source app's order when it recorded one (stable: the rest keep their place). */
export function bySourcePosition<T extends { organisation?: ImportedOrganisation }>(
  entries: T[],
): T[] {
  const at = (e: T) => e.organisation?.position ?? Number.POSITIVE_INFINITY;
  return [...entries].sort((a, b) => (at(a) === at(b) ? 0 : at(a) < at(b) ? -1 : 1));
}
