/**
 * The token broker: a small HTTP server that holds the Intuit client secret and nothing else. The
 * extension sends it an authorization code or a refresh token; it adds the secret, asks Intuit
 * (through `intuit-oauth`) and passes the tokens back. It keeps no state and logs no token.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { BrokerConfig, endpointsOf, type BrokerConfigInput } from './config';
import { createBrokerHandler } from './http';
import { createIntuitOAuth, type IntuitOAuth } from './intuit';
import type { RateLimit } from './rate-limit';

export interface StartedBroker {
  url: string;
  port: number;
  server: Server;
  stop(): Promise<void>;
}

export interface StartBrokerOptions extends BrokerConfigInput {
  /** Where request lines go (method, path, status, time; never bodies). Default: console.log. */
  log?: (line: string) => void;
  /** Replace the Intuit calls (tests of the HTTP layer). */
  oauth?: IntuitOAuth;
  /** Per-client limit on token calls (default: a burst of 20, then 30 a minute). */
  rateLimit?: RateLimit;
  /** How long an Intuit call may take before the extension gets a 504 (default 12 s). */
  intuitTimeoutMs?: number;
}

export async function startBroker(options: StartBrokerOptions): Promise<StartedBroker> {
  const { log, oauth, rateLimit, intuitTimeoutMs, ...input } = options;
  const config = BrokerConfig.parse(input);
  const handler = createBrokerHandler({
    oauth:
      oauth ??
      createIntuitOAuth({
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        environment: config.environment,
        endpoints: endpointsOf(config),
      }),
    allowedOrigins: config.allowedOrigins,
    log: log ?? ((line) => console.log(line)),
    publicConfig: { clientId: config.clientId, environment: config.environment },
    ...(rateLimit ? { rateLimit } : {}),
    ...(intuitTimeoutMs !== undefined ? { intuitTimeoutMs } : {}),
  });
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => void handler(req, res));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    port,
    server,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export { configFromEnv, endpointsOf, INTUIT_ENDPOINTS } from './config';
export type { IntuitOAuth } from './intuit';
export type { RateLimit } from './rate-limit';
