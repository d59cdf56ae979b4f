import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeytarStore, keychainError } from './keytar-store';
import { deriveKey, loadMasterKey, MASTER_KEY_BYTES } from './master-key';

// The real Secret Service (gnome-keyring in a private D-Bus session, see scripts/with-keyring.sh).
// In CI it must be there; on a developer machine without one these tests are skipped.
const available = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS) || process.env.CI === 'true';
const service = `tessera-test-${randomBytes(6).toString('hex')}`;
const store = createKeytarStore(service);

describe.runIf(available)('master key in the OS keychain', () => {
  afterAll(async () => {
    await store.delete('master-key');
  });

  it('creates a random 256-bit key when there is no database, then returns the same key', async () => {
    const first = await loadMasterKey(store, false);
    expect(first.length).toBe(MASTER_KEY_BYTES);
    expect(await loadMasterKey(store, true)).toEqual(first);
    expect(await store.get('master-key')).toBe(first.toString('base64'));
  });

  it('refuses to invent a key beside an existing database', async () => {
    const other = createKeytarStore(`${service}-empty`);
    await expect(loadMasterKey(other, true)).rejects.toMatchObject({
      code: 'KEYCHAIN_KEY_MISSING',
    });
    expect(await other.get('master-key')).toBeNull();
  });
});

describe('keychain errors and key derivation', () => {
  it('turns keytar failures into errors that name the fix', () => {
    const locked = keychainError('svc', new Error('Cannot create an item in a locked collection'));
    expect(locked.code).toBe('KEYCHAIN_LOCKED');
    expect(locked.message).toContain('Unlock');
    const missing = keychainError('svc', new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'));
    expect(missing.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(missing.message).toContain('--key-file');
  });

  it('derives independent keys per purpose', () => {
    const master = randomBytes(32);
    const database = deriveKey(master, 'database');
    expect(database.length).toBe(32);
    expect(database).not.toEqual(deriveKey(master, 'backup-codes'));
    expect(database).toEqual(deriveKey(master, 'database'));
  });
});
