import { redactUrl } from './connection';

/** Node's and PostgreSQL's codes for the ways connecting fails, as what to tell the operator. */
const REASONS: Record<string, string> = {
  ECONNREFUSED: 'nothing is listening there (is PostgreSQL running?)',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name does not resolve',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  '28P01': 'password authentication failed',
  '28000': 'the server refused this role or this connection (pg_hba.conf)',
  '3D000': 'the database does not exist',
  '42501': 'the role lacks a privilege the migrations need',
  '53300': 'the server has too many connections',
  '57P03': 'the server is starting up or shutting down',
};

/**
 * One line naming the database (password masked) and what went wrong, for `tessera serve
 * --database` and friends. Never echoes the password, even when pg's own message would.
 */
export function describeConnectError(error: unknown, url: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? scrub(error.message.split('\n')[0]!, url) : 'unknown';
  const reason =
    (typeof code === 'string' && REASONS[code]) ||
    (/ssl|tls|certificate/i.test(message) ? `TLS failed: ${message}` : message);
  return `Cannot use the database ${redactUrl(url)}: ${reason.replace(/\.$/, '')}.`;
}

function scrub(message: string, url: string): string {
  let password = '';
  try {
    password = new URL(url).password;
  } catch {
    // Not a URL: nothing in it to tell apart, so the URL as a whole is masked below.
  }
  let out = message.replaceAll(url, redactUrl(url));
  for (const secret of [password, safeDecode(password)]) {
    if (secret.length > 0) out = out.replaceAll(secret, '***');
  }
  return out;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
