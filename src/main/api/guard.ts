import { isLoopbackHost } from '../http/loopback-guard';
import { problem } from './problem';
import type { Problem } from '../../shared/api';

interface Headers {
  host?: string | undefined;
  origin?: string | undefined;
  'sec-fetch-site'?: string | string[] | undefined;
}

/**
 * The API is for programs on this machine, never for web pages: the Host must be loopback with
 * our port (DNS rebinding), and anything a browser marks as coming from a page is refused. No
 * CORS headers are ever sent, so a browser cannot read a response either.
 */
export function transportProblem(headers: Headers, port: number): Problem | null {
  if (!isLoopbackHost(headers.host, port)) {
    return problem(
      'FORBIDDEN_HOST',
      `The API only answers to Host 127.0.0.1:${port}, localhost:${port} or [::1]:${port}.`,
    );
  }
  const site = headers['sec-fetch-site'];
  if (headers.origin !== undefined || (site !== undefined && site !== 'none')) {
    return problem(
      'FORBIDDEN_ORIGIN',
      'Requests from web pages are refused; call the API from your server-side code.',
    );
  }
  return null;
}
