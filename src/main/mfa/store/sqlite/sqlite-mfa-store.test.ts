import { openTempApp } from '../../../testing/temp-app';
import { describeMfaStore } from '../testing/describe-mfa-store';

describeMfaStore('SQLite, two connections on one encrypted file', async () => {
  const temp = await openTempApp();
  // A second connection to the file, as a second process has.
  const other = await temp.openAnother();
  return {
    store: temp.app.mfa.core.store,
    other: other.mfa.core.store,
    teardown: async () => {
      temp.dispose();
    },
  };
});
