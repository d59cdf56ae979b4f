/** A standard secret (RFC 6238 test key "12345678901234567890") in base32 and bytes. */
export const SECRET_B32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
export const SECRET_BYTES = new Uint8Array(Buffer.from('12345678901234567890', 'ascii'));
export const SECRET2_B32 = 'JBSWY3DPEHPK3PXP';
