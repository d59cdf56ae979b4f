import { TesseraError } from '../../shared/errors';
import type { SecretStore } from './secret-store';

type Keytar = typeof import('keytar');

/** Translates libsecret/D-Bus failures into errors that say what to do. */
export function keychainError(service: string, error: unknown): TesseraError {
  const detail = error instanceof Error ? error.message : String(error);
  if (/locked|dismiss|cancel|prompt/i.test(detail)) {
    return new TesseraError(
      'KEYCHAIN_LOCKED',
      `The OS keychain is locked (keychain service "${service}"). Unlock your login keyring and try again.`,
    );
  }
  return new TesseraError(
    'KEYCHAIN_UNAVAILABLE',
    `The OS keychain cannot be reached (${detail}). On Linux start a Secret Service such as ` +
      'gnome-keyring inside a D-Bus session, or run with --key-file to keep the master key in a file.',
  );
}

let keytarModule: Promise<Keytar> | undefined;

async function loadKeytar(service: string): Promise<Keytar> {
  keytarModule ??= import('keytar').then((m) => ('default' in m ? (m.default as Keytar) : m));
  try {
    return await keytarModule;
  } catch (error) {
    keytarModule = undefined;
    throw keychainError(service, error);
  }
}

export function createKeytarStore(service: string): SecretStore {
  const guard = async <T>(run: (keytar: Keytar) => Promise<T>): Promise<T> => {
    const keytar = await loadKeytar(service);
    try {
      return await run(keytar);
    } catch (error) {
      throw keychainError(service, error);
    }
  };
  return {
    description: `keychain service "${service}"`,
    get: (account) => guard((k) => k.getPassword(service, account)),
    set: (account, value) => guard((k) => k.setPassword(service, account, value)),
    delete: (account) => guard((k) => k.deletePassword(service, account)),
  };
}
