/**
 * Splits a code into groups for reading ("123456" → ["123", "456"], "12345678" → ["1234", "5678"]).
 * The groups are rendered as separate spans with a CSS gap, so the text (and what a test or a
 * screen reader reads, and what is copied) stays the bare code.
 */
export function codeGroups(code: string): string[] {
  if (code.length <= 5) return [code];
  const first = Math.ceil(code.length / 2);
  return [code.slice(0, first), code.slice(first)];
}
