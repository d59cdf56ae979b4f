/** RFC 4226 Appendix D: the shared secret and the HOTP values for counters 0 to 9. */
export const RFC4226_SECRET = '12345678901234567890';
export const RFC4226_CODES = [
  '755224',
  '287082',
  '359152',
  '969429',
  '338314',
  '254676',
  '287922',
  '162583',
  '399871',
  '520489',
] as const;
