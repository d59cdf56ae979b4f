import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { clientErrorResponse, problem, sendProblem, toProblem } from './problem';
import { transportProblem } from './guard';
import type { HttpLimits } from './http-limits';
import { loopbackServers } from './loopback-listen';
import { buildOpenApi } from './openapi';
import type { Auth, Route } from './route';
import type { Principal } from '../mfa/clients-service';
import { MfaError } from '../mfa/mfa-error';
import { adminRoutes } from './routes/admin';
import { metaRoutes } from './routes/meta';
import { totpRoutes } from './routes/totp';
import { userRoutes } from './routes/users';
import {
  createRequestBudget,
  requestBudgetFrom,
  type RequestBudget,
  type RequestBudgetOptions,
} from './request-budget';
import type { MfaServices } from '../mfa/mfa-services';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who sent it: set by the route's onRequest hook (null on routes without auth). */
    principal: Principal | null;
  }
}

export const DEFAULT_API_PORT = 47300;
export const BODY_LIMIT_BYTES = 16 * 1024;

export interface ApiServerOptions {
  services: MfaServices;
  version: string;
  /** 0 picks a free port; null listens on TCP not at all (socket only). */
  port: number | null;
  /** Also (or only) a Unix socket (0600) or Windows named pipe at this path. */
  socketPath?: string;
  /** Timeouts and the connection cap; defaults in http-limits.ts. */
  httpLimits?: HttpLimits;
  /** Requests per API key; from TESSERA_API_RATE_LIMIT or a high default. */
  requestBudget?: RequestBudgetOptions;
}

export interface ApiServer {
  /** `http://127.0.0.1:port`, or null when listening on the socket only. */
  url: string | null;
  /** The same API on [::1] and the same port, when the machine has IPv6. */
  ipv6Url: string | null;
  port: number | null;
  socketPath: string | null;
  close(): Promise<void>;
}

export function apiRoutes(services: MfaServices, version: string): Route[] {
  let document: unknown;
  const routes: Route[] = [
    ...metaRoutes(version, () => (document ??= buildOpenApi(routes, version))),
    ...userRoutes(services),
    ...totpRoutes(services),
    ...adminRoutes(services),
  ];
  return routes;
}

async function authorize(
  services: MfaServices,
  budget: RequestBudget,
  auth: Auth,
  request: FastifyRequest,
): Promise<Principal | null> {
  if (auth === 'none') return null;
  const principal = await services.clients.authenticate(request.headers.authorization);
  const wait = budget.take(principal.clientId);
  if (wait > 0) {
    throw new MfaError('RATE_LIMITED', 'This API key sent too many requests; retry shortly.', {
      retryAfterSeconds: wait,
    });
  }
  if (principal.scope !== auth) {
    throw new MfaError(
      'FORBIDDEN_SCOPE',
      auth === 'admin'
        ? 'This route needs an admin key (tessera clients create --scope admin).'
        : 'Admin keys manage users across clients; use a client key for /v1/users routes.',
    );
  }
  return principal;
}

/** The loopback verification API. Logging is off: requests carry codes and keys. */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const servers = loopbackServers(options.httpLimits);
  const budget = createRequestBudget(options.requestBudget ?? requestBudgetFrom());
  const app = Fastify({
    logger: false,
    serverFactory: servers.serverFactory,
    bodyLimit: BODY_LIMIT_BYTES,
    return503OnClosing: true,
    clientErrorHandler: (error, socket) => {
      if (socket.writable) socket.end(clientErrorResponse(error as { code?: string }));
      else socket.destroy();
    },
    // Ids are validated by the schemas (128 characters, up to 12 bytes each percent-encoded).
    routerOptions: { maxParamLength: 2048 },
    // Router-level failures (bad percent-encoding, ...) become problems like everything else.
    frameworkErrors: (error, _request, reply) => {
      sendProblem(
        reply,
        problem('VALIDATION_FAILED', `The URL could not be read (${error.code ?? 'bad request'}).`),
      );
    },
  });
  let port = options.port ?? 0;
  // A decoration, set on every request: fastify keeps the request's shape stable with it (a
  // WeakMap entry per request cost the garbage collector more).
  app.decorateRequest('principal', null);
  // JSON only: without a text/plain parser fastify answers 415 for anything else.
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', (request, reply, done) => {
    const refused = transportProblem(
      request.headers,
      servers.viaPath(request.raw.socket) ? null : port,
    );
    if (refused) {
      sendProblem(reply, refused);
      return;
    }
    done();
  });

  for (const route of apiRoutes(options.services, options.version)) {
    app.route({
      method: route.method,
      url: route.url,
      // Authentication before the body is read: no key, no parsing, and 401/403 win over 413/415.
      onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
        try {
          request.principal = await authorize(options.services, budget, route.auth, request);
        } catch (error) {
          return sendProblem(reply, toProblem(error));
        }
        if (route.schemas.body && hasBodyWithoutType(request)) {
          return sendProblem(
            reply,
            problem(
              'UNSUPPORTED_MEDIA_TYPE',
              'Send the body as JSON with `Content-Type: application/json`.',
            ),
          );
        }
      },
      // A synchronous throw (validation) reaches the error handler as a rejection would.
      handler: (request, reply) =>
        Promise.resolve(route.run(request, request.principal)).then((result) => {
          reply.code(result.status).header('cache-control', 'no-store');
          return result.body === undefined ? reply.send() : result.body;
        }),
    });
  }

  app.setNotFoundHandler((request, reply) => {
    sendProblem(
      reply,
      problem(
        'ROUTE_NOT_FOUND',
        `No route ${request.method} ${request.url.split('?')[0]!.slice(0, 200)}; see GET /openapi.json.`,
      ),
    );
  });
  app.setErrorHandler((error, _request, reply) => {
    sendProblem(reply, toProblem(error));
  });

  // The sockets are ours to listen on (fastify only built the handler), so that a port taken on
  // either family fails the whole start and nothing is left half-listening.
  await app.ready();
  let ipv6 = false;
  try {
    if (options.port !== null) ({ port, ipv6 } = await servers.listenTcp(options.port));
    if (options.socketPath) await servers.listenPath(options.socketPath);
  } catch (error) {
    await servers.close();
    await app.close();
    throw error;
  }
  return {
    url: options.port === null ? null : `http://127.0.0.1:${port}`,
    ipv6Url: ipv6 ? `http://[::1]:${port}` : null,
    port: options.port === null ? null : port,
    socketPath: options.socketPath ?? null,
    async close() {
      await Promise.all([app.close(), servers.close()]);
    },
  };
}

function hasBodyWithoutType(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  const hasBody =
    (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
  return hasBody && request.headers['content-type'] === undefined;
}
