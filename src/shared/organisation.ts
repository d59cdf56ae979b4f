import { z } from 'zod';

/**
 * How a person organises the vault: tags, favourites, manual order, sort, notes and icons.
 * Each rule carries its own error code (in the zod issue's `params.code`), which the router passes
 * on instead of the generic VALIDATION_FAILED, so a caller can tell "tag too long" from the rest.
 */
export const MAX_TAG_LENGTH = 32;
export const MAX_TAGS = 20;
export const MAX_NOTE_LENGTH = 2000;
/** A custom icon as the person picks it (base64 of the file); it is re-encoded far smaller. */
export const MAX_ICON_UPLOAD_BYTES = 2 * 1024 * 1024;
/** What is stored: a small PNG data URL (64 px square re-encode). */
export const ICON_SIZE_PX = 64;
export const MAX_STORED_ICON_CHARS = 64 * 1024;

export const SORT_MODES = ['manual', 'name', 'issuer', 'lastUsed'] as const;
export const sortModeSchema = z.enum(SORT_MODES);
export type SortMode = z.infer<typeof sortModeSchema>;

const coded = (code: string) => ({ params: { code } });
const noControl = (v: string) => ![...v].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f');

export const tagSchema = z
  .string()
  .trim()
  .refine((v) => v.length > 0, { message: 'A tag cannot be empty.', ...coded('TAG_INVALID') })
  .refine((v) => v.length <= MAX_TAG_LENGTH, {
    message: `A tag must be at most ${MAX_TAG_LENGTH} characters.`,
    ...coded('TAG_TOO_LONG'),
  })
  .refine((v) => noControl(v) && !v.includes(','), {
    message: 'A tag cannot contain commas or control characters.',
    ...coded('TAG_INVALID'),
  });

/** Tags compare case-insensitively: "Work" and "work" are one tag (the first spelling is kept). */
export function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((t) => {
    const key = t.toLocaleLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const tagListSchema = z
  .array(tagSchema)
  .transform(uniqueTags)
  .refine((tags) => tags.length <= MAX_TAGS, {
    message: `An account can have at most ${MAX_TAGS} tags.`,
    ...coded('TOO_MANY_TAGS'),
  });

export const noteSchema = z
  .string()
  .refine((v) => v.length <= MAX_NOTE_LENGTH, {
    message: `A note must be at most ${MAX_NOTE_LENGTH} characters.`,
    ...coded('NOTE_TOO_LONG'),
  })
  .refine((v) => ![...v].some((c) => c.charCodeAt(0) < 0x20 && c !== '\n' && c !== '\t'), {
    message: 'A note cannot contain control characters.',
    ...coded('NOTE_INVALID'),
  });

/** A stored custom icon: only a PNG data URL that main produced itself. */
export const storedIconSchema = z
  .string()
  .max(MAX_STORED_ICON_CHARS)
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/);

/** The organisation fields of one account, as the view and the backup carry them. */
export const organisationSchema = z.object({
  favourite: z.boolean(),
  tags: z.array(z.string()),
  note: z.string(),
  /** ISO time a code was last copied; null when never. */
  lastUsedAt: z.string().nullable(),
  /** The person's own image (PNG data URL), overriding the issuer's icon. */
  customIcon: z.string().nullable(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const EMPTY_ORGANISATION: Organisation = {
  favourite: false,
  tags: [],
  note: '',
  lastUsedAt: null,
  customIcon: null,
};

/** What an importer or a backup may carry over for one account; every field optional. */
export interface ImportedOrganisation {
  favourite?: boolean;
  tags?: string[];
  note?: string;
  lastUsedAt?: string | null;
  customIcon?: string | null;
  /** The source app's order; entries are imported in this order when given. */
  position?: number;
}
