import { Agent, request } from 'node:http';

export interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test code reads arbitrary JSON
  body: any;
}

export interface RequestOptions {
  key?: string | undefined;
  body?: unknown;
  /** Sent as is (no JSON encoding). */
  raw?: string | Buffer;
  headers?: Record<string, string>;
  /** A new connection per request: for callers that provoke the server into closing one. */
  fresh?: boolean;
}

/** Keep-alive with a bounded pool so a thousand parallel requests queue instead of exhausting sockets. */
export const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** Plain node:http (fetch refuses to set Host, which the DNS-rebinding tests need). */
export function call(
  base: string,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<Response> {
  const url = new URL(path, base);
  const payload =
    options.raw !== undefined
      ? options.raw
      : options.body !== undefined
        ? JSON.stringify(options.body)
        : undefined;
  const headers: Record<string, string> = {
    ...(payload !== undefined && options.raw === undefined
      ? { 'content-type': 'application/json' }
      : {}),
    // Node sends DELETE bodies unframed unless told the length.
    ...(payload !== undefined ? { 'content-length': String(Buffer.byteLength(payload)) } : {}),
    ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
    ...options.headers,
  };
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: options.fresh ? false : agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        let body: unknown = undefined;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body });
      });
    });
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** A client bound to one server and key. */
export function client(base: string, key?: string) {
  return {
    get: (path: string, o: RequestOptions = {}) => call(base, 'GET', path, { key, ...o }),
    put: (path: string, body?: unknown, o: RequestOptions = {}) =>
      call(base, 'PUT', path, { key, body, ...o }),
    post: (path: string, body?: unknown, o: RequestOptions = {}) =>
      call(base, 'POST', path, { key, body, ...o }),
    delete: (path: string, body?: unknown, o: RequestOptions = {}) =>
      call(base, 'DELETE', path, { key, body, ...o }),
  };
}

export type Client = ReturnType<typeof client>;
