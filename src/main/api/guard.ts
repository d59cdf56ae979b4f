import { isLoopbackHost, isLoopbackHostAnyPort } from '../http/loopback-guard';
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
 * CORS headers are ever sent, so a browser cannot read a response either. `port` is null for a
 * request that came over the Unix socket / named pipe.
 */
export function transportProblem(headers: Headers, port: number | null): Problem | null {
  if (port === null ? !isLoopbackHostAnyPort(headers.host) : !isLoopbackHost(headers.host, port)) {
    return problem(
      'FORBIDDEN_HOST',
      port === null
        ? 'Over the socket the API only answers to Host localhost (or 127.0.0.1, [::1]).'
        : `The API only answers to Host 127.0.0.1:${port}, localhost:${port} or [::1]:${port}.`,
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
