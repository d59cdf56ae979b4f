/**
 * DNS-rebinding and cross-site protection shared by every loopback server: the Host must name
 * this machine's loopback on our port, and a browser request from another origin is refused.
 */
const LOOPBACK_HOSTNAMES = ['127.0.0.1', 'localhost', '[::1]'];

export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return LOOPBACK_HOSTNAMES.some((name) => host.toLowerCase() === `${name}:${port}`);
}

/**
 * Over a Unix socket or named pipe the client picks any URL (curl --unix-socket sends
 * `localhost`): the Host must still name loopback, with or without a port.
 */
export function isLoopbackHostAnyPort(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.toLowerCase().replace(/:\d{1,5}$/, '');
  return LOOPBACK_HOSTNAMES.includes(name);
}

export function loopbackOrigins(port: number): string[] {
  return LOOPBACK_HOSTNAMES.map((name) => `http://${name}:${port}`);
}
