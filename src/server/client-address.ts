// The address of the client a request came from (the TCP peer; forwarding headers are not trusted) and loopback tests.
import type { Context } from 'hono';
import type { AppEnv } from './env.ts';

/** The socket's remote address under @hono/node-server; undefined under app.request() without bindings. */
export function clientAddress(c: Context<AppEnv>): string | undefined {
  return c.env?.incoming?.socket?.remoteAddress ?? undefined;
}

/** True for 127.0.0.0/8, ::1 and their IPv4-mapped IPv6 forms. */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const plain = address.toLowerCase().replace(/^::ffff:/, '');
  return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}
