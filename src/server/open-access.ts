// The start-up rule for serving beyond this machine: without BESCHLUSS_API_KEY anyone who reaches the port could ask,
// search and store feedback and conversations, so listening beyond loopback needs a key or ALLOW_OPEN_ACCESS=1.
import type { Config } from '../config.ts';
import { BeschlussError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { isLoopback } from './client-address.ts';

export type ExposureConfig = Pick<Config, 'HOST' | 'PORT' | 'BESCHLUSS_API_KEY'> &
  Partial<Pick<Config, 'ALLOW_OPEN_ACCESS'>>;

/** localhost, 127.0.0.0/8 and ::1 (bracketed or IPv4-mapped too); a name or any other address may reach further. */
export function isLoopbackHost(host: string): boolean {
  const plain = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return plain === 'localhost' || isLoopback(plain);
}

/** Throws when the server would be open to the network by accident; warns when it is open on purpose. */
export function checkOpenAccess(config: ExposureConfig, logger: Pick<Logger, 'warn'>): void {
  if (config.BESCHLUSS_API_KEY !== undefined || isLoopbackHost(config.HOST)) return;
  const where = `${config.HOST}:${config.PORT}`;
  if (!config.ALLOW_OPEN_ACCESS) {
    // A setting that stops the start, like a bad variable: INVALID_CONFIGURATION, never a caller's 400.
    throw new BeschlussError(
      'INVALID_CONFIGURATION',
      `Refusing to listen on ${where} without BESCHLUSS_API_KEY: anyone who reaches it could ask, search and store ` +
        'feedback and conversations. Set BESCHLUSS_API_KEY, listen on 127.0.0.1 (HOST), or set ALLOW_OPEN_ACCESS=1 to ' +
        'serve openly on purpose.',
      { details: { host: config.HOST } },
    );
  }
  logger.warn('serving without an API key beyond this machine (ALLOW_OPEN_ACCESS=1)', {
    host: config.HOST,
    port: config.PORT,
    open: [
      '/api/ask',
      '/api/chat',
      '/api/search',
      '/api/feedback',
      '/api/conversations',
      '/v1/chat/completions',
    ],
  });
}
