import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Router } from '../ipc/router';
import { isLoopbackHost, loopbackOrigins } from '../http/loopback-guard';

export interface WebServerOptions {
  router: Router;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
  /** Called when a page (index.html) is about to be served: a (re)load asks for the master password again. */
  onPageLoad?: () => void;
}

export interface WebServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const TOKEN_COOKIE = 'tessera_token';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function sameToken(given: string | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return value.join('=');
  }
  return undefined;
}

function refuse(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).type('application/json').send({ ok: false, error: { code, message } });
}

/**
 * Browser mode: the renderer and the contract over loopback HTTP, the way Jupyter does it. The
 * token arrives once in the URL, is swapped for an HttpOnly SameSite=Strict cookie, and every
 * later request (assets and RPC) must carry it.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  // Big enough for an imported file (up to ~11 MiB, sent as base64).
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 16 * 1024 * 1024 });
  let port = options.port;

  app.addHook('onRequest', async (request, reply) => {
    if (!isLoopbackHost(request.headers.host, port)) {
      return refuse(
        reply,
        403,
        'FORBIDDEN_HOST',
        'Browser mode only answers to 127.0.0.1 or localhost.',
      );
    }
    const origin = request.headers.origin;
    if (
      (origin !== undefined && !loopbackOrigins(port).includes(origin)) ||
      request.headers['sec-fetch-site'] === 'cross-site'
    ) {
      return refuse(reply, 403, 'FORBIDDEN_ORIGIN', 'Requests from other web sites are refused.');
    }
    const query = request.query as { token?: string };
    if (sameToken(query.token, token)) {
      reply.header('set-cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      // Drop the token from the address bar and history once it is in the cookie.
      return reply.redirect(request.url.split('?')[0] ?? '/', 303);
    }
    if (!sameToken(cookieToken(request), token)) {
      return refuse(
        reply,
        401,
        'UNAUTHENTICATED',
        'Open the link with the token that `tessera web` printed.',
      );
    }
    const path = request.url.split('?')[0];
    if (request.method === 'GET' && (path === '/' || path === '/index.html'))
      options.onPageLoad?.();
  });

  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cache-control', 'no-store');
  });

  app.post<{ Params: { channel: string } }>('/rpc/:channel', async (request, reply) => {
    reply.type('application/json');
    return options.router(request.params.channel, request.body);
  });

  await app.register(fastifyStatic, { root: options.staticDir, index: 'index.html' });

  await app.listen({ host: '127.0.0.1', port: options.port });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    close: () => app.close(),
  };
}
