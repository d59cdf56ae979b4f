const zeros = (bytes: number) => '00'.repeat(bytes);

/** An Aegis password slot (all-zero key material) asking for scrypt at N and r. */
const passwordSlot = (i: number, n: number, r: number) =>
  JSON.stringify({
    type: 1,
    uuid: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
    key: zeros(32),
    key_params: { nonce: zeros(12), tag: zeros(16) },
    n,
    r,
    p: 1,
    salt: i.toString(16).padStart(64, '0'),
  });

/** An Aegis vault export (base64) with these password slots and an empty encrypted body. */
function aegisExport(slots: string[]): string {
  const params = JSON.stringify({ nonce: zeros(12), tag: zeros(16) });
  const db = Buffer.alloc(64).toString('base64');
  const json = `{"version":1,"header":{"slots":[${slots.join(',')}],"params":${params}},"db":"${db}"}`;
  return Buffer.from(json).toString('base64');
}

/**
 * An Aegis vault export as large as the import channel takes, whose header is nothing but
 * password slots, each asking for scrypt at Aegis' own cost (N = 2^15): tens of thousands of key
 * derivations for a wrong password, unless the import is stopped.
 */
export function slotPackedAegis(maxBase64Length: number): string {
  const budget = Math.floor((maxBase64Length * 3) / 4) - 1024;
  const count = Math.floor(budget / (passwordSlot(0, 32768, 8).length + 1));
  return aegisExport(Array.from({ length: count }, (_, i) => passwordSlot(i, 32768, 8)));
}

/**
 * An Aegis export the importer accepts but is slow to try a password on: two slots at the
 * costliest scrypt it allows (N = 2^19, r = 8: 512 MiB, about 3 s each on our machines).
 */
export function slowAegis(): string {
  return aegisExport([passwordSlot(0, 2 ** 19, 8), passwordSlot(1, 2 ** 19, 8)]);
}
