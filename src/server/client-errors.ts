// Answers the requests Node's HTTP parser refuses before the app sees them (headers over the limit, a request line
// too long, malformed bytes, a client too slow) with the project's JSON error instead of Node's empty response.
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { ERROR_STATUS, type ErrorCode } from '../errors.ts';
import type { Logger } from '../logger.ts';

/** Node's default limit of a request's line and headers together (--max-http-header-size). */
const MAX_HEADER_BYTES = 16 * 1024;

const REASONS: Partial<Record<ErrorCode, string>> = {
  INVALID_REQUEST: 'Bad Request',
  REQUEST_TIMEOUT: 'Request Timeout',
  URI_TOO_LONG: 'URI Too Long',
  HEADERS_TOO_LARGE: 'Request Header Fields Too Large',
};

interface ParserError extends Error {
  code?: string;
  rawPacket?: Buffer;
}

/** The code and message a refused request gets; the request line is "too long" when it alone fills the limit. */
export function clientErrorResponse(error: ParserError): { code: ErrorCode; message: string } {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { code: 'REQUEST_TIMEOUT', message: 'The request did not arrive in time; send it again.' };
  }
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    const packet = error.rawPacket ?? Buffer.alloc(0);
    const lineEnd = packet.indexOf('\r\n');
    if (lineEnd < 0 || lineEnd > MAX_HEADER_BYTES / 2) {
      return {
        code: 'URI_TOO_LONG',
        message: `The request line is longer than this server reads (with the headers at most ${MAX_HEADER_BYTES} bytes); send long input in a POST body.`,
      };
    }
    return {
      code: 'HEADERS_TOO_LARGE',
      message: `The request's headers are larger than this server reads (at most ${MAX_HEADER_BYTES} bytes with the request line).`,
    };
  }
  return { code: 'INVALID_REQUEST', message: 'The request is not valid HTTP/1.1; it could not be read.' };
}

export function answerClientErrors(server: Server, logger: Pick<Logger, 'debug'>): void {
  server.on('clientError', (error: ParserError, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const { code, message } = clientErrorResponse(error);
    logger.debug('request refused by the HTTP parser', { code, parser: error.code });
    const body = JSON.stringify({ error: { code, message } });
    const status = ERROR_STATUS[code];
    socket.end(
      `HTTP/1.1 ${status} ${REASONS[code] ?? 'Bad Request'}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
