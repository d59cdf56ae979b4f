import type { MfaKeys } from './mfa-keys';
import type { MfaStore } from './store/mfa-store';

/** What every MFA service shares: the store, the keys derived from the master key, the clock. */
export interface MfaCore {
  store: MfaStore;
  keys: MfaKeys;
  clock: () => number;
}
