/**
 * Starts a node:http server for a sandbox and stops it cleanly: stop() also destroys kept-alive
 * and deliberately hung connections, so tests never wait on a fault they injected.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface StartedServer {
  url: string;
  port: number;
  server: Server;
  stop(): Promise<void>;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export async function startHttpServer(options: {
  port?: number;
  host?: string;
  handler: RequestHandler;
  onError?: (err: unknown, res: ServerResponse) => void;
}): Promise<StartedServer> {
  const host = options.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    Promise.resolve(options.handler(req, res)).catch((err: unknown) => {
      if (options.onError) options.onError(err, res);
      else if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end('Internal Server Error');
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    server,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
