import { SECRET_BYTES } from '../test-support/secrets';
import { battleNetMask } from './battle-net';

/** shared_prefs/com.blizzard.messenger.authenticator_preferences.xml */
export function battleNetPrefs(): string {
  return `<?xml version='1.0' encoding='utf-8' standalone='yes' ?>
<map>
    <string name="com.blizzard.messenger.AUTHENTICATOR_SERIAL">${battleNetMask('US-1234-5678-9012')}</string>
    <string name="com.blizzard.messenger.AUTHENTICATOR_DEVICE_SECRET">${battleNetMask(Buffer.from(SECRET_BYTES).toString('hex'))}</string>
    <boolean name="com.blizzard.messenger.AUTHENTICATOR_ENABLED" value="true" />
</map>
`;
}
