import { z } from 'zod';
import { accountViewSchema } from '../account';
import { MAX_ICON_UPLOAD_BYTES, sortModeSchema, tagListSchema } from '../organisation';

const id = z.string().min(1).max(64);
const MAX_ICON_BASE64 = Math.ceil(MAX_ICON_UPLOAD_BYTES / 3) * 4;

/** Tags, favourites, manual order, sort, last used and custom icons (issue 17, Organisation). */
export const organisationChannels = {
  'vault.setFavourite': {
    input: z.object({ id, favourite: z.boolean() }),
    output: accountViewSchema,
  },
  'vault.setTags': { input: z.object({ id, tags: tagListSchema }), output: accountViewSchema },
  /** Manual order: puts `id` just before or after `anchorId`; answers the whole order after. */
  'vault.move': {
    input: z.object({ id, anchorId: id, place: z.enum(['before', 'after']) }),
    output: z.object({ order: z.array(z.string()) }),
  },
  /** Records that a code of the account was just used (copied), for the "last used" sort. */
  'vault.markUsed': {
    input: z.object({ id }),
    output: z.object({ id: z.string(), lastUsedAt: z.string() }),
  },
  /** A custom image (any common format, base64), re-encoded in main to a small PNG. */
  'vault.setIcon': {
    input: z.object({
      id,
      dataBase64: z.string().refine((v) => v.length <= MAX_ICON_BASE64, {
        message: `The image is too large (at most ${MAX_ICON_UPLOAD_BYTES / 1024 / 1024} MB).`,
        params: { code: 'ICON_TOO_LARGE' },
      }),
    }),
    output: accountViewSchema,
  },
  'vault.clearIcon': { input: z.object({ id }), output: accountViewSchema },
  'vault.getSort': { input: z.object({}), output: z.object({ sort: sortModeSchema }) },
  'vault.setSort': {
    input: z.object({ sort: sortModeSchema }),
    output: z.object({ sort: sortModeSchema }),
  },
} as const;
