import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../web/web-server';
import { APP_HOST, APP_SCHEME } from './renderer-source';

/**
 * Registered before `ready`: a standard, secure scheme so the UI gets a real origin (fetch,
 * workers, WebAssembly and sessionStorage work as on https) without file://'s reach over the disk.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * The file under `root` that an app:// URL names, or null: another host, a path that leaves the
 * root (.., encoded or not), a NUL byte or a type the UI does not ship are all refused.
 */
export function resolveAppPath(root: string, url: string): string | null {
  let parsed: URL;
  let path: string;
  try {
    parsed = new URL(url);
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || path.includes('\0')) {
    return null;
  }
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
  const inside = relative(resolve(root), file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return MIME_TYPES[extname(file).toLowerCase()] ? file : null;
}

function refusal(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
  });
}

/** The `protocol.handle` handler for app://tessera/: the built renderer, with its CSP. */
export async function handleAppRequest(root: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Read only.');
  const file = resolveAppPath(root, request.url);
  if (!file) return refusal(404, 'Not part of Tessera.');
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return refusal(404, 'Not part of Tessera.');
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: {
      'content-type': MIME_TYPES[extname(file).toLowerCase()]!,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
  });
}

/** Where the built renderer lives relative to the built main bundle. */
export const rendererRoot = (mainDir: string) => join(mainDir, '..', 'renderer');
