import { z } from 'zod';
import type { ImportedOrganisation } from '../../../../shared/organisation';

/**
 * Ente Auth keeps each code's organisation in a `codeDisplay` parameter of its otpauth link (JSON:
 * pinned, tags, note, position, ...), in both its plain and its encrypted export. An unreadable
 * one is ignored: the account itself still imports.
 */
const codeDisplayShape = z.object({
  pinned: z.boolean().nullish(),
  tags: z.array(z.string()).nullish(),
  note: z.string().nullish(),
  position: z.number().int().nullish(),
});

export function enteCodeDisplay(uri: string): ImportedOrganisation | undefined {
  let raw: string | null;
  try {
    raw = new URL(uri.trim()).searchParams.get('codeDisplay');
  } catch {
    return undefined;
  }
  if (!raw) return undefined;
  let parsed;
  try {
    parsed = codeDisplayShape.safeParse(JSON.parse(raw));
  } catch {
    return undefined;
  }
  if (!parsed.success) return undefined;
  const { pinned, tags, note, position } = parsed.data;
  return {
    favourite: pinned ?? false,
    tags: tags ?? [],
    ...(note ? { note } : {}),
    ...(typeof position === 'number' ? { position } : {}),
  };
}
