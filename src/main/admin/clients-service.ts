import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Policy } from '../../shared/api';
import type { MfaContext } from '../mfa/mfa-context';
import { MfaError } from '../mfa/mfa-error';
import { createClientRepository, policyOf, type ClientRow } from './client-repository';

export type Scope = ClientRow['scope'];

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

function newClientId(): string {
  return [...randomBytes(12)].map((b) => ID_ALPHABET[b % 36]).join('');
}

const info = (row: ClientRow): ClientInfo => ({
  id: row.id,
  name: row.name,
  scope: row.scope,
  createdAt: new Date(row.created_at).toISOString(),
  revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at).toISOString(),
});

const unauthenticated = (detail: string) => new MfaError('UNAUTHENTICATED', detail);
const notFound = (id: string) =>
  new MfaError('CLIENT_NOT_FOUND', `No API client "${id.slice(0, 32)}".`);

/** API clients: their keys (shown once, stored as keyed hashes), revocation and policy. */
export function createClientsService(ctx: MfaContext) {
  const clients = createClientRepository(ctx.db);
  // A hash compared against when the id is unknown, so both paths do the same work.
  const decoy = ctx.keys.apiKeyHash('decoy');
  /**
   * Valid keys seen since the database last changed under us. `PRAGMA data_version` moves when
   * another connection (a second server, `tessera clients revoke`) commits, and this process
   * clears the cache itself when it changes a client, so a revocation or a policy change applies
   * to the next request while the hot path skips the lookup and the HMAC.
   *
   * The pragma opens a WAL read transaction (shared-memory locks: about 6 µs, a tenth of a verify
   * under load), so it is read once per event-loop turn: the requests of one turn were received
   * when the turn's poll began, and the first of them reads the version after that, so a
   * revocation committed before a request was sent is always seen by it.
   */
  const dataVersion = ctx.db.prepare('PRAGMA data_version').pluck();
  const known = new Map<string, Principal>();
  let seenVersion = dataVersion.get();
  let checkedThisTurn = false;
  const endOfTurn = () => {
    checkedThisTurn = false;
  };
  const invalidate = () => known.clear();
  function cached(key: string): Principal | undefined {
    if (!checkedThisTurn) {
      checkedThisTurn = true;
      setImmediate(endOfTurn);
      const version = dataVersion.get();
      if (version !== seenVersion) {
        seenVersion = version;
        known.clear();
      }
    }
    return known.get(key);
  }
  return {
    async create(
      name: string,
      scope: Scope,
      actor = 'console',
    ): Promise<ClientInfo & { key: string }> {
      const id = newClientId();
      const secret = randomBytes(32).toString('base64url');
      const hash = ctx.keys.apiKeyHash(secret);
      const now = ctx.clock();
      await ctx.writes.run(() => {
        clients.insert(id, name, scope, hash, now);
        ctx.record({
          actor,
          clientId: id,
          userId: null,
          event: 'client.created',
          outcome: 'success',
          detail: { scope },
        });
      });
      return { ...info(clients.get(id)!), key: `tsk_${id}_${secret}` };
    },

    list: (): ClientInfo[] => clients.list().map(info),

    async revoke(id: string, actor = 'console'): Promise<void> {
      const done = await ctx.writes.run(() => {
        invalidate();
        if (!clients.revoke(id, ctx.clock())) return false;
        ctx.record({
          actor,
          clientId: id,
          userId: null,
          event: 'client.revoked',
          outcome: 'success',
        });
        return true;
      });
      if (!done) {
        if (!clients.get(id)) throw notFound(id);
        throw new MfaError('VALIDATION_FAILED', `The API client ${id} is already revoked.`);
      }
    },

    /** Reads the row on every request so a revocation by another process applies at once. */
    authenticate(authorization: string | undefined): Principal {
      if (!authorization)
        throw unauthenticated(
          'Send an API key: `Authorization: Bearer <key>` (create one with `tessera clients create`).',
        );
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const hit = match ? cached(match[1]!) : undefined;
      if (hit) return hit;
      const key = match ? KEY_PATTERN.exec(match[1]!) : null;
      if (!key)
        throw unauthenticated(
          'The Authorization header must be `Bearer <key>` with a Tessera API key (tsk_...).',
        );
      const row = clients.get(key[1]!);
      const given = ctx.keys.apiKeyHash(key[2]!);
      const valid = timingSafeEqual(given, row?.key_hash ?? decoy) && row !== undefined;
      if (!valid || !row) throw unauthenticated('The API key is not valid.');
      if (row.revoked_at !== null) throw unauthenticated('The API key was revoked.');
      const principal: Principal = {
        clientId: row.id,
        clientName: row.name,
        scope: row.scope,
        policy: policyOf(row),
      };
      // Only valid keys are cached, so its size is bounded by the number of clients.
      known.set(match![1]!, principal);
      return principal;
    },

    getPolicy(id: string): Policy {
      const row = clients.get(id);
      if (!row) throw notFound(id);
      return policyOf(row);
    },

    async putPolicy(id: string, policy: Policy, actor: string): Promise<Policy> {
      const done = await ctx.writes.run(() => {
        invalidate();
        if (!clients.setPolicy(id, policy)) return false;
        ctx.record({
          actor,
          clientId: id,
          userId: null,
          event: 'policy.updated',
          outcome: 'success',
          detail: { ...policy },
        });
        return true;
      });
      if (!done) throw notFound(id);
      return policy;
    },
  };
}

export type ClientsService = ReturnType<typeof createClientsService>;
