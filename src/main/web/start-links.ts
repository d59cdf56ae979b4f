import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a start link can wait before it is opened. */
export const START_LINK_TTL_MS = 60_000;

export type Exchange =
  | { ok: true; session: string }
  | {
      ok: false;
      code: 'START_LINK_INVALID' | 'START_LINK_USED' | 'START_LINK_EXPIRED';
      message: string;
    };

export interface StartLinks {
  /** A fresh token for a start URL's fragment: single use, valid for the TTL. */
  mint(): string;
  /** Spends a token once, for a session secret the tab keeps in its sessionStorage. */
  exchange(token: unknown): Exchange;
  /** Whether a request's session header names a session this process handed out. */
  isSession(secret: string | undefined): boolean;
}

const digest = (value: string) => createHash('sha256').update(value).digest('hex');

const ASK_AGAIN = 'Run `tessera web --new-url` for a new one.';

/**
 * Browser mode's keys. A start token is `nonce.expiry.mac` (HMAC-SHA-256 under a key that lives
 * only in this process), so it cannot be forged or stretched; each nonce is spent once. Sessions
 * and spent nonces are kept in memory on purpose: they belong to this process's life, and a
 * restarted `tessera web` must not honour links or tabs of the previous one. Only hashes are kept.
 */
export function createStartLinks(
  clock: () => number = Date.now,
  ttlMs: number = START_LINK_TTL_MS,
): StartLinks {
  const key = randomBytes(32);
  const spent = new Map<string, number>(); // nonce → expiry, forgotten once expired
  const sessions = new Set<string>(); // sha256 of each session secret
  const mac = (body: string) => createHmac('sha256', key).update(body).digest('base64url');

  return {
    mint() {
      const body = `${randomBytes(16).toString('base64url')}.${(clock() + ttlMs).toString(36)}`;
      return `${body}.${mac(body)}`;
    },

    exchange(token) {
      const parts = typeof token === 'string' ? token.split('.') : [];
      const [nonce, expiry, given] = parts;
      const expected = nonce && expiry ? Buffer.from(mac(`${nonce}.${expiry}`)) : undefined;
      if (
        parts.length !== 3 ||
        !expected ||
        expected.length !== Buffer.byteLength(given!) ||
        !timingSafeEqual(expected, Buffer.from(given!))
      ) {
        return {
          ok: false,
          code: 'START_LINK_INVALID',
          message: `This start link is not one this \`tessera web\` handed out. ${ASK_AGAIN}`,
        };
      }
      const now = clock();
      for (const [old, until] of spent) if (until < now) spent.delete(old);
      const expiresAt = parseInt(expiry!, 36);
      if (now > expiresAt) {
        return {
          ok: false,
          code: 'START_LINK_EXPIRED',
          message: `This start link expired (links work for ${ttlMs / 1000} s). ${ASK_AGAIN}`,
        };
      }
      if (spent.has(nonce!)) {
        return {
          ok: false,
          code: 'START_LINK_USED',
          message: `This start link was already used; each works once. ${ASK_AGAIN}`,
        };
      }
      spent.set(nonce!, expiresAt);
      const session = randomBytes(32).toString('base64url');
      sessions.add(digest(session));
      return { ok: true, session };
    },

    isSession: (secret) => typeof secret === 'string' && sessions.has(digest(secret)),
  };
}
