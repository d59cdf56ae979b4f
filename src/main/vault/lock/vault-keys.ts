import { createHmac, hkdfSync } from 'node:crypto';
import { TesseraError } from '../../../shared/errors';
import { open, seal } from './sealing';

export function lockedError(): TesseraError {
  return new TesseraError('LOCKED', 'Tessera is locked. Unlock it with your master password.');
}

/** Associated data naming the owner of each sealed value. */
export const sealedFor = {
  accountSecret: (accountId: string) => `tessera/account-secret/${accountId}`,
  recoveryCode: (codeId: string) => `tessera/recovery-code/${codeId}`,
  accountNote: (accountId: string) => `tessera/account-note/${accountId}`,
};

/**
 * The unwrapped vault key while Tessera is unlocked. `destroy` zeroes it (and the lookup key
 * derived from it); every holder of this object then gets `LOCKED`, so no copy outlives a lock.
 */
export class VaultKeys {
  #key: Buffer | null;
  #lookup: Buffer | null;

  constructor(key: Buffer) {
    this.#key = key;
    this.#lookup = Buffer.from(hkdfSync('sha256', key, 'tessera/v1', 'recovery-lookup', 32));
  }

  seal(plaintext: Buffer, owner: string): string {
    return seal(this.#held().key, plaintext, owner);
  }

  open(sealed: string, owner: string): Buffer {
    return open(this.#held().key, sealed, owner);
  }

  /** A keyed hash for finding a value without opening every row (HMAC-SHA-256, hex). */
  lookup(text: string): string {
    return createHmac('sha256', this.#held().lookup).update(text, 'utf8').digest('hex');
  }

  /** For re-wrapping only; the caller must not keep it. */
  rawKey(): Buffer {
    return this.#held().key;
  }

  get destroyed(): boolean {
    return this.#key === null;
  }

  destroy(): void {
    this.#key?.fill(0);
    this.#lookup?.fill(0);
    this.#key = null;
    this.#lookup = null;
  }

  #held(): { key: Buffer; lookup: Buffer } {
    if (!this.#key || !this.#lookup) throw lockedError();
    return { key: this.#key, lookup: this.#lookup };
  }
}
