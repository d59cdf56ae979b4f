import { randomBytes } from 'node:crypto';
import type { AuditEntry, MfaStore, NewClient } from '../mfa-store';

/** Every test makes its own client and users, so one store serves a whole suite. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

export const T0 = 1_760_000_000_000;

/** A user's factor state when it has none: never enrolled, or reset. */
export const NO_FACTOR = {
  factorId: null,
  sealedSecret: null,
  lastStep: -1,
  backupCodesRemaining: 0,
  failures: 0,
  lockedUntil: null,
} as const;

export function hash(label: string): Buffer {
  return Buffer.from(label.padEnd(32, '.'));
}

export async function seedClient(store: MfaStore, extra: Partial<NewClient> = {}): Promise<string> {
  const id = extra.id ?? uniqueId('c');
  await store.transaction((tx) =>
    tx.insertClient({
      id,
      name: `client ${id}`,
      scope: 'client',
      keyHash: hash(`key ${id}`),
      createdAt: T0,
      ...extra,
    }),
  );
  return id;
}

export async function seedUser(
  store: MfaStore,
  clientId: string,
  names: { displayName?: string; email?: string } = {},
): Promise<number> {
  const { pk } = await store.transaction((tx) =>
    tx.upsertUser({
      clientId,
      userId: uniqueId('u'),
      displayName: names.displayName,
      email: names.email,
      now: T0,
    }),
  );
  return pk;
}

export interface Enrolled {
  clientId: string;
  pk: number;
  factorId: string;
  codes: Buffer[];
}

/** A client and a user with a confirmed factor whose last step is `step`, and `codes` codes. */
export async function seedEnrolled(store: MfaStore, step = 100, codeCount = 3): Promise<Enrolled> {
  const clientId = await seedClient(store);
  const pk = await seedUser(store, clientId);
  const factorId = uniqueId('f');
  const codes = Array.from({ length: codeCount }, (_, i) => hash(`${factorId} code ${i}`));
  await store.transaction((tx) =>
    tx.putPending({
      id: factorId,
      userPk: pk,
      sealedSecret: hash('sealed'),
      expiresAt: T0 + 600_000,
      createdAt: T0,
    }),
  );
  const result = await store.transaction((tx) =>
    tx.confirmEnrollment({
      pk,
      enrollmentId: factorId,
      sealedSecret: hash('sealed'),
      step,
      backupCodeHashes: codes,
      now: T0,
    }),
  );
  if (result !== 'ok') throw new Error(`seedEnrolled: confirm gave ${result}`);
  return { clientId, pk, factorId, codes };
}

/** The audit row a TOTP accept of `e`'s user appends (each seeded user has a client of its own). */
export const acceptedAudit = ({ clientId }: { clientId: string }, now = T0): AuditEntry => ({
  at: now,
  actor: `client:${clientId}`,
  clientId,
  userId: 'enrolled-user',
  event: 'verify.success',
  outcome: 'success',
  detail: { method: 'totp' },
});

/** Runs `n` calls at once; how many resolved to something other than undefined. */
export async function countDefined<T>(n: number, call: (i: number) => Promise<T | undefined>) {
  const results = await Promise.all(Array.from({ length: n }, (_, i) => call(i)));
  return results.filter((r) => r !== undefined);
}
