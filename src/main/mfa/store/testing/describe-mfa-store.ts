import { afterAll, beforeAll, describe } from 'vitest';
import type { MfaStore } from '../mfa-store';
import { auditAndTransactionTests } from './conformance/audit-transactions';
import { clientAndUserTests } from './conformance/clients-users';
import { decisionTests } from './conformance/decisions';
import { enrollmentTests } from './conformance/enrollment';

export interface StoreUnderTest {
  store: MfaStore;
  /**
   * A second store on the same data (another process's view, another instance): the parallel
   * tests spread their calls over both. Omit it where there can be only one.
   */
  other?: MfaStore;
  teardown(): Promise<void>;
}

/**
 * The MfaStore port's contract as vitest tests: every method, and each decision exactly once
 * under parallel calls. Each adapter runs it: `describeMfaStore('postgres', open)`.
 */
export function describeMfaStore(
  name: string,
  open: () => Promise<StoreUnderTest>,
  options: { skip?: boolean; timeout?: number } = {},
): void {
  describe.skipIf(options.skip ?? false)(
    `MfaStore contract: ${name}`,
    { timeout: options.timeout ?? 60_000 },
    () => {
      let opened: StoreUnderTest | undefined;
      beforeAll(async () => {
        opened = await open();
      });
      afterAll(() => opened?.teardown());
      const store = () => opened!.store;
      const stores = () => (opened!.other ? [opened!.store, opened!.other] : [opened!.store]);
      clientAndUserTests(store);
      enrollmentTests(store, stores);
      decisionTests(store, stores);
      auditAndTransactionTests(store);
    },
  );
}
