// Starts the CStoreOffice sandbox in process (tests) or from main.ts (the CLI).
import { startHttpServer } from '../common';
import { createCsoApp, type AppOptions, type CsoApp } from './app';
import { createRequestHandler } from './server';

export interface CsoSandboxOptions extends AppOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
}

export interface CsoSandbox {
  url: string;
  port: number;
  /** Direct access to the sandbox's state, for tests that prefer it to the control API. */
  app: CsoApp;
  stop(): Promise<void>;
}

export async function startCsoSandbox({
  port = 0,
  host = '127.0.0.1',
  ...options
}: CsoSandboxOptions = {}): Promise<CsoSandbox> {
  const app = createCsoApp(options);
  const server = await startHttpServer({ port, host, handler: createRequestHandler(app) });
  return { url: server.url, port: server.port, app, stop: () => server.stop() };
}

export { TRICKY_NAMES } from './seed';
export type { CsoApp } from './app';
