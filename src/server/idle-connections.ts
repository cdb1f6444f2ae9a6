// Closes the connections of an HTTP server that serve no request, so a shutdown does not wait for clients' keep-alive
// timeouts: keep-alive connections between requests, and connections that never sent one (browsers and fetch
// open spare sockets in advance).
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface IdleConnections {
  /** Closes every connection that is not serving a request now. */
  close(): void;
  /** From now on, each connection is closed as soon as its response is finished. */
  closeAfterEachResponse(): void;
}

export function trackIdleConnections(server: Server): IdleConnections {
  const sockets = new Set<Socket>();
  const used = new WeakSet<Socket>();
  let closingAfterResponses = false;
  const close = () => {
    // Node knows which used connections sit between requests; unused ones it counts as awaiting headers.
    server.closeIdleConnections();
    for (const socket of sockets) if (!used.has(socket)) socket.destroy();
  };
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('request', (request, response) => {
    used.add(request.socket);
    if (closingAfterResponses && !response.headersSent) response.setHeader('Connection', 'close');
    response.once('finish', () => {
      if (closingAfterResponses) setImmediate(close);
    });
  });
  return {
    close,
    closeAfterEachResponse() {
      closingAfterResponses = true;
    },
  };
}
