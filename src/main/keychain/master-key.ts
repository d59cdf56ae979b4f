import { hkdfSync, randomBytes } from 'node:crypto';
import { TesseraError } from '../../shared/errors';
import type { SecretStore } from './secret-store';

export const MASTER_KEY_BYTES = 32;
const MASTER_KEY_ACCOUNT = 'master-key';

/** Every key Tessera uses is derived from the one master key, each for a single purpose. */
export type KeyPurpose =
  'database' | 'key-check' | 'backup-codes' | 'api-keys' | 'mfa-secrets' | 'vault-key-wrap';

export function deriveKey(master: Buffer, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', master, 'tessera/v1', purpose, 32));
}

/**
 * Reads the master key from the store. A key is created only when there is no database yet:
 * creating one beside an existing database would hide the real problem and orphan the data.
 */
export async function loadMasterKey(store: SecretStore, databaseExists: boolean): Promise<Buffer> {
  const stored = await store.get(MASTER_KEY_ACCOUNT);
  if (stored !== null) {
    const key = Buffer.from(stored, 'base64');
    if (key.length !== MASTER_KEY_BYTES) {
      throw new TesseraError(
        'KEYCHAIN_KEY_MISSING',
        `The master key in ${store.description} is damaged. Restore it from your keychain backup.`,
      );
    }
    return key;
  }
  if (databaseExists) {
    throw new TesseraError(
      'KEYCHAIN_KEY_MISSING',
      `A Tessera database exists but its master key is not in ${store.description}. Restore the ` +
        'keychain entry (or pass the right --keychain-service); the database was not touched.',
    );
  }
  const key = randomBytes(MASTER_KEY_BYTES);
  await store.set(MASTER_KEY_ACCOUNT, key.toString('base64'));
  return key;
}
