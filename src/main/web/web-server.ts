import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { Router } from '../ipc/router';
import { isLoopbackHost, loopbackOrigins } from '../http/loopback-guard';
import { WEB_SESSION_HEADER, WEB_SESSION_PATH } from '../../shared/contract/bridge-names';
import { createStartLinks, type StartLinks } from './start-links';

export interface WebServerOptions {
  router: Router;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Start links and sessions; tests pass their own (clock, lifetime). */
  links?: StartLinks;
  /** Called when a page (index.html) is about to be served: a (re)load asks for the master password again. */
  onPageLoad?: () => void;
}

export interface WebServer {
  /** The first start URL: `http://127.0.0.1:PORT/#token=…`, single use, short-lived. */
  url: string;
  port: number;
  /** Another start URL, for another tab or browser (`tessera web --new-url`). */
  newStartUrl(): string;
  close(): Promise<void>;
}

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

function refuse(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).type('application/json').send({ ok: false, error: { code, message } });
}

/**
 * Browser mode: the renderer and the contract over loopback HTTP. The start URL carries a token
 * in its fragment (never sent in a request line, so never in a log or a Referer); the page trades
 * it once at POST /session for a session secret that it keeps in the tab's sessionStorage and
 * sends as the X-Tessera-Session header on every call. No cookie: cookies ignore ports, so any
 * other service on 127.0.0.1 would receive it. The static bundle holds no secret and is public.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const links = options.links ?? createStartLinks();
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

  app.post<{ Body: { token?: unknown } | null }>(WEB_SESSION_PATH, async (request, reply) => {
    const result = links.exchange(request.body?.token);
    if (!result.ok) return refuse(reply, 401, result.code, result.message);
    return reply.type('application/json').send({ ok: true, data: { session: result.session } });
  });

  app.post<{ Params: { channel: string } }>(
    '/rpc/:channel',
    {
      // Before the body is read: no session, no parsing of up to 16 MiB.
      onRequest: async (request, reply) => {
        const header = request.headers[WEB_SESSION_HEADER.toLowerCase()];
        if (links.isSession(typeof header === 'string' ? header : undefined)) return;
        return refuse(
          reply,
          401,
          'UNAUTHENTICATED',
          `Calls need the ${WEB_SESSION_HEADER} header of a tab opened from a start link; ` +
            'run `tessera web --new-url` for a new link.',
        );
      },
    },
    async (request, reply) => {
      reply.type('application/json');
      return options.router(request.params.channel, request.body);
    },
  );

  await app.register(fastifyStatic, { root: options.staticDir, index: 'index.html' });

  await app.listen({ host: '127.0.0.1', port: options.port });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : options.port;
  const newStartUrl = () => `http://127.0.0.1:${port}/#token=${links.mint()}`;
  return { url: newStartUrl(), port, newStartUrl, close: () => app.close() };
}
