/** Starts the QBO sandbox standalone: `tsx sandbox/qbo/main.ts [--port 8710] [--host 127.0.0.1] [--speed 1]`. */
import { startQboSandbox } from './index';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const sandbox = await startQboSandbox({
  port: Number(arg('port') ?? 8710),
  host: arg('host') ?? '127.0.0.1',
  clockSpeed: Number(arg('speed') ?? 1),
});
console.log(
  `QBO sandbox: ${sandbox.url}  (realm ${sandbox.realmIds.join(', ')}; control API ${sandbox.url}/__sandbox/)`,
);
const stop = (): void => {
  void sandbox.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
