import { describe, it } from 'vitest';
import { openTempApp } from '../../../testing/temp-app';
import { checkInterleavings } from '../../testing/interleavings';

describe('random interleavings over two connections on one SQLite file', () => {
  it(
    'never accept a code twice or while locked, and count failures exactly',
    { timeout: 240_000 },
    async () => {
      const clock = { now: Date.UTC(2030, 0, 1) };
      const temp = await openTempApp(() => clock.now);
      try {
        const other = await temp.openAnother();
        await checkInterleavings({
          services: [temp.app.mfa, other.mfa],
          clock,
          close: async () => undefined,
        });
      } finally {
        temp.dispose();
      }
    },
  );
});
