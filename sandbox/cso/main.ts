// Standalone start: `tsx sandbox/cso/main.ts --port 8720`.
import { startCsoSandbox } from './index';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const port = Number(argValue('--port') ?? 8720);
const host = argValue('--host') ?? '127.0.0.1';
const sandbox = await startCsoSandbox({ port, host });
console.log(
  `CStoreOffice sandbox: ${sandbox.url}  (sign in as auditor@demo.test / demo; Audit page: ${sandbox.url}/app.php/accounting/audit)`,
);
const stop = () => void sandbox.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
