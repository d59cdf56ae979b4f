/**
 * Where the master key lives. keytar (the OS keychain) is the default; a key file serves headless
 * servers; Electron's safeStorage can be added behind the same interface.
 */
export interface SecretStore {
  /** A human description used in error messages, e.g. `keychain service "tessera"`. */
  readonly description: string;
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}
