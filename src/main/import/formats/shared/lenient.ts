import { z } from 'zod';

/**
 * Field schemas for other apps' exports, liberal in what they accept: versions of one app write a
 * field as a number or as a string ("digits":"6"), as null, or not at all. A field of the wrong
 * type counts as absent (the default applies) instead of costing the whole entry.
 */
export const optionalText = z.string().nullish().catch(undefined);

export const optionalInt = z
  .preprocess(
    (v) => (typeof v === 'string' && /^\s*-?\d{1,16}\s*$/.test(v) ? Number(v) : v),
    z.number().int().nullish(),
  )
  .catch(undefined);
