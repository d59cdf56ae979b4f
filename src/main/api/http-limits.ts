import type { Server, ServerOptions } from 'node:http';

export interface HttpLimits {
  /** The request line and headers must arrive within this (slow-header clients are cut off). */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this. */
  requestTimeoutMs: number;
  /** A socket with no traffic for this long is closed (fastify's `connectionTimeout`). */
  idleTimeoutMs: number;
  /** Connections beyond this many (per address family) are closed as they arrive. */
  maxConnections: number;
}

/**
 * Far above what a loopback client needs (a request is a few hundred bytes; the bench keeps 32
 * connections open), low enough that a local process cannot hold sockets or half-sent requests
 * open forever. Idle keep-alive sockets are closed sooner, by the server's keepAliveTimeout.
 */
export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  idleTimeoutMs: 120_000,
  maxConnections: 1024,
};

/** Node checks the header and request timeouts on this interval (its default is 30 s). */
export function httpServerOptions(limits: HttpLimits): ServerOptions {
  return { connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs) };
}

/**
 * Fastify applies `connectionTimeout` and `requestTimeout` only to servers it creates; ours come
 * from a serverFactory (one per address family), so the same limits are set here on each.
 */
export function applyHttpLimits(server: Server, limits: HttpLimits): Server {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.setTimeout(limits.idleTimeoutMs);
  server.maxConnections = limits.maxConnections;
  return server;
}
