import { b64 } from '../test-support/crypto';
import { SECRET_BYTES } from '../test-support/secrets';

const account = (name: string) => ({
  shared_secret: b64(SECRET_BYTES),
  serial_number: '1234567890123456789',
  revocation_code: 'R12345',
  uri: 'otpauth://totp/Steam:gamer?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Steam',
  server_time: 1700000000,
  account_name: name,
  token_gid: 'abc',
  identity_secret: b64(SECRET_BYTES),
  secret_1: b64(SECRET_BYTES),
  status: 1,
  device_id: 'android:0000',
  fully_enrolled: true,
  Session: { SessionID: 'x', SteamID: '76561197960287930' },
});

/** A Steam Desktop Authenticator .maFile (also the Steam app's old Steamguard-<id> layout). */
export const steamMaFile = (): string => JSON.stringify(account('gamer'));

/** The Steam app's newer Steamguard-<id> layout. */
export const steamNewLayout = (): string =>
  JSON.stringify({
    accounts: {
      '76561197960287930': {
        ...account('gamer'),
        steamid: '76561197960287930',
        steamguard_scheme: '2',
      },
      '76561197960287931': account('alt'),
    },
  });
