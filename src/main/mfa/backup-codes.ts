import { randomBytes } from 'node:crypto';

/** Crockford base32: no I, L, O or U, so codes survive being read aloud or written down. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 16 characters of 5 bits each: 80 bits per code (NIST asks for at least 64 when not rate-limited). */
export const BACKUP_CODE_LENGTH = 16;

export function generateBackupCode(): string {
  const bytes = randomBytes(BACKUP_CODE_LENGTH);
  let code = '';
  for (const byte of bytes) code += ALPHABET[byte & 31];
  return code;
}

/** Shown to people in groups of four: `7K2M-9QXD-...`. */
export function formatBackupCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}

export function generateBackupCodes(count: number): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(generateBackupCode());
  return [...codes];
}

/** Undoes what people do to a code (case, dashes, spaces, look-alike letters); null when it cannot be one. */
export function normalizeBackupCode(input: string): string | null {
  const cleaned = input
    .replace(/[\s-]/g, '')
    .toUpperCase()
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== BACKUP_CODE_LENGTH) return null;
  return [...cleaned].every((c) => ALPHABET.includes(c)) ? cleaned : null;
}
