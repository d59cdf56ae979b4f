import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Policy } from '../../shared/api';
import type { MfaCore } from './mfa-core';
import { MfaError } from './mfa-error';
import type { ClientRecord } from './store/mfa-store';

export type Scope = ClientRecord['scope'];

export interface ClientInfo {
  id: string;
  name: string;
  scope: Scope;
  createdAt: string;
  revokedAt: string | null;
}

export interface Principal {
  clientId: string;
  clientName: string;
  scope: Scope;
  policy: Policy;
}

/** Keys look like `tsk_<client id>_<43 base64url chars>`: the id finds the row, the rest is the secret. */
const KEY_PATTERN = /^tsk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** Hashes of keys seen, bounded: a flood of random keys only evicts. */
const MAX_HASHES = 10_000;

function newClientId(): string {
  return [...randomBytes(12)].map((b) => ID_ALPHABET[b % 36]).join('');
}

const info = (c: Omit<ClientRecord, 'keyHash' | 'policy'>): ClientInfo => ({
  id: c.id,
  name: c.name,
  scope: c.scope,
  createdAt: new Date(c.createdAt).toISOString(),
  revokedAt: c.revokedAt === null ? null : new Date(c.revokedAt).toISOString(),
});

const unauthenticated = (detail: string) => new MfaError('UNAUTHENTICATED', detail);
const notFound = (id: string) =>
  new MfaError('CLIENT_NOT_FOUND', `No API client "${id.slice(0, 32)}".`);

/** API clients: their keys (shown once, stored as keyed hashes), revocation and policy. */
export function createClientsService({ store, keys, clock }: MfaCore) {
  // A hash compared against when the id is unknown, so both paths do the same work.
  const decoy = keys.apiKeyHash('decoy');
  /**
   * The keyed hash of each key secret seen: a pure function of the secret, so it decides
   * nothing; the client's row (revocation, policy) is read on every request, so a change made
   * by any process or instance applies to its next request.
   */
  const hashes = new Map<string, Buffer>();
  const hashOf = (secret: string) => {
    let hash = hashes.get(secret);
    if (!hash) {
      if (hashes.size >= MAX_HASHES) hashes.clear();
      hashes.set(secret, (hash = keys.apiKeyHash(secret)));
    }
    return hash;
  };
  const audit = (
    actor: string,
    clientId: string,
    event: 'client.created' | 'client.revoked' | 'policy.updated',
    detail?: Record<string, string | number>,
  ) => ({
    at: clock(),
    actor,
    clientId,
    userId: null,
    event,
    outcome: 'success' as const,
    ...(detail ? { detail } : {}),
  });

  return {
    async create(
      name: string,
      scope: Scope,
      actor = 'console',
    ): Promise<ClientInfo & { key: string }> {
      const id = newClientId();
      const secret = randomBytes(32).toString('base64url');
      const client = { id, name, scope, keyHash: keys.apiKeyHash(secret), createdAt: clock() };
      await store.transaction(async (tx) => {
        await tx.insertClient(client);
        await tx.record(audit(actor, id, 'client.created', { scope }));
      });
      return { ...info({ ...client, revokedAt: null }), key: `tsk_${id}_${secret}` };
    },

    list: async (): Promise<ClientInfo[]> => (await store.read.clients()).map(info),

    async revoke(id: string, actor = 'console'): Promise<void> {
      const done = await store.transaction(async (tx) => {
        if (!(await tx.revokeClient(id, clock()))) return false;
        await tx.record(audit(actor, id, 'client.revoked'));
        return true;
      });
      if (done) return;
      if (!(await store.read.client(id))) throw notFound(id);
      throw new MfaError('VALIDATION_FAILED', `The API client ${id} is already revoked.`);
    },

    /** One read of the client's row per request. */
    async authenticate(authorization: string | undefined): Promise<Principal> {
      if (!authorization)
        throw unauthenticated(
          'Send an API key: `Authorization: Bearer <key>` (create one with `tessera clients create`).',
        );
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const key = match ? KEY_PATTERN.exec(match[1]!) : null;
      if (!key)
        throw unauthenticated(
          'The Authorization header must be `Bearer <key>` with a Tessera API key (tsk_...).',
        );
      const client = await store.read.client(key[1]!);
      const valid =
        timingSafeEqual(hashOf(key[2]!), client?.keyHash ?? decoy) && client !== undefined;
      if (!valid || !client) throw unauthenticated('The API key is not valid.');
      if (client.revokedAt !== null) throw unauthenticated('The API key was revoked.');
      return {
        clientId: client.id,
        clientName: client.name,
        scope: client.scope,
        policy: client.policy,
      };
    },

    async getPolicy(id: string): Promise<Policy> {
      const client = await store.read.client(id);
      if (!client) throw notFound(id);
      return client.policy;
    },

    async putPolicy(id: string, policy: Policy, actor: string): Promise<Policy> {
      const done = await store.transaction(async (tx) => {
        if (!(await tx.setPolicy(id, policy))) return false;
        await tx.record(audit(actor, id, 'policy.updated', { ...policy }));
        return true;
      });
      if (!done) throw notFound(id);
      return policy;
    },
  };
}

export type ClientsService = ReturnType<typeof createClientsService>;
