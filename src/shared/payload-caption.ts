/**
 * QR scanner apps save what they read behind a short caption ("QR-Code:otpauth-migration://…").
 * The caption is a word or two and a colon; anything longer (a JSON line holding a link) is not.
 */
const CAPTIONED = /^[A-Za-z][A-Za-z0-9 _-]{0,30}:\s*(otpauth(?:-migration)?:\/\/\S.*)$/i;
const LINK = /^otpauth(?:-migration)?:\/\//i;

/** The link in a scanned or pasted payload, without a scanner app's caption before it. */
export function withoutCaption(text: string): string {
  const trimmed = text.trim();
  if (LINK.test(trimmed)) return trimmed;
  return CAPTIONED.exec(trimmed)?.[1] ?? trimmed;
}

/** An otpauth:// or otpauth-migration:// link, captioned or not. */
export const isOtpLink = (text: string): boolean => LINK.test(withoutCaption(text));
