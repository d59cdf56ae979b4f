import { hotpCode } from '../core/otp';

/**
 * The 6-digit SHA-1 code of a time step, from the app core (otpauth): an implementation
 * independent of the server's hot path, for tests that play the user's authenticator.
 */
export function totpCodeAt(secret: Uint8Array, step: number): string {
  return hotpCode(new Uint8Array(secret), step, 'SHA1', 6);
}
