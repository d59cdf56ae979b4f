/**
 * An Aegis vault export as large as the import channel takes, whose header is nothing but
 * password slots, each asking for scrypt at Aegis' own cost (N = 2^15): tens of thousands of key
 * derivations for a wrong password, unless the import is stopped.
 */
export function slotPackedAegis(maxBase64Length: number): string {
  const zeros = (bytes: number) => '00'.repeat(bytes);
  const slot = (i: number) =>
    JSON.stringify({
      type: 1,
      uuid: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      key: zeros(32),
      key_params: { nonce: zeros(12), tag: zeros(16) },
      n: 32768,
      r: 8,
      p: 1,
      salt: i.toString(16).padStart(64, '0'),
    });
  const budget = Math.floor((maxBase64Length * 3) / 4) - 1024;
  const count = Math.floor(budget / (slot(0).length + 1));
  const slots = Array.from({ length: count }, (_, i) => slot(i)).join(',');
  const params = JSON.stringify({ nonce: zeros(12), tag: zeros(16) });
  const db = Buffer.alloc(64).toString('base64');
  const json = `{"version":1,"header":{"slots":[${slots}],"params":${params}},"db":"${db}"}`;
  return Buffer.from(json).toString('base64');
}
