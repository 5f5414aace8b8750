/**
 * `npm run sandbox`: starts the QuickBooks Online and CStoreOffice stand-ins and a token broker
 * wired to the QBO one, and prints their URLs. `--only qbo|cso|broker` starts one alone;
 * `--port N` sets its port (with several, the base port of the first). Ctrl-C stops everything.
 */
import { startBroker } from '../server/index';
import { startCsoSandbox } from './cso/index';
import { startQboSandbox } from './qbo/index';

// The extension's fixed id (manifest key): the only origin the local broker answers.
const EXTENSION_ORIGIN = 'chrome-extension://lfnpgbccfgpgpbbmpgdombjkfnlekmcc';
const SANDBOX_CLIENT = { id: 'qbo-sandbox-client', secret: 'qbo-sandbox-secret' };
const DEFAULT_PORTS = { qbo: 8710, cso: 8720, broker: 8730 } as const;
type Part = keyof typeof DEFAULT_PORTS;

export interface StartedSandboxes {
  urls: Partial<Record<Part, string>>;
  stop(): Promise<void>;
}

export async function startSandboxes(
  options: { only?: Part; port?: number; host?: string } = {},
): Promise<StartedSandboxes> {
  const host = options.host ?? '127.0.0.1';
  const portOf = (part: Part) =>
    options.only === part && options.port !== undefined ? options.port : DEFAULT_PORTS[part];
  const wants = (part: Part) => !options.only || options.only === part;
  const stops: Array<() => Promise<void>> = [];
  const urls: StartedSandboxes['urls'] = {};

  if (wants('qbo') || wants('broker')) {
    // A second company to choose on the consent page: a brand-new one, as a new customer's books are.
    // The first stays the one auto-approval picks.
    const qbo = await startQboSandbox({
      port: wants('qbo') ? portOf('qbo') : 0,
      host,
      // The third, empty, takes Prairie Express's books: every audited day of its month posts there.
      realms: [
        { seed: 'convenience-store' },
        { seed: 'new-company' },
        { seed: 'empty', companyName: 'Prairie Express Books' },
      ],
    });
    stops.push(() => qbo.stop());
    if (wants('qbo')) urls.qbo = qbo.url;
    if (wants('broker')) {
      const broker = await startBroker({
        clientId: SANDBOX_CLIENT.id,
        clientSecret: SANDBOX_CLIENT.secret,
        environment: 'custom',
        customBaseUrl: qbo.url,
        // Any Firefox installation too: Firefox gives each one its own moz-extension:// origin.
        allowedOrigins: [EXTENSION_ORIGIN, 'moz-extension://*'],
        port: portOf('broker'),
        host,
        log: () => {},
      });
      stops.push(() => broker.stop());
      urls.broker = broker.url;
    }
  }
  if (wants('cso')) {
    const cso = await startCsoSandbox({ port: portOf('cso'), host });
    stops.push(() => cso.stop());
    urls.cso = cso.url;
    await loadDemoMonths(cso.url);
  }
  return { urls, stop: async () => void (await Promise.all(stops.reverse().map((stop) => stop()))) };
}

async function control(base: string, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${base}/__sandbox/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
}

/**
 * October's store days and vendor invoices to post: Sunrise's three stations, and Prairie Express
 * grown to ten stations, each with a class named as it (the class every line of its entries
 * carries). Prairie into a QuickBooks company with nothing in it posts every audited day.
 */
async function loadDemoMonths(csoUrl: string): Promise<void> {
  const prairie = ['7', '12'];
  for (let n = 20; n < 28; n++) {
    await control(csoUrl, 'companies/2/locations', { name: `Prairie Express #${n}`, stationCode: String(n) });
    prairie.push(String(n));
  }
  for (const code of prairie) await control(csoUrl, 'companies/2/classes', { name: `Prairie Express #${code}` });
  const month = { days: 31, seed: 7, startDate: '2025-10-01' };
  await control(csoUrl, 'companies/1/store-month', { ...month, stations: 3 });
  await control(csoUrl, 'companies/2/store-month', { ...month, stations: 10 });
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const only = argument('only');
  if (only !== undefined && !(only in DEFAULT_PORTS)) {
    console.error(`--only takes one of: ${Object.keys(DEFAULT_PORTS).join(', ')}`);
    process.exit(2);
  }
  const port = argument('port') === undefined ? undefined : Number(argument('port'));
  const started = await startSandboxes({ only: only as Part | undefined, port });
  const { qbo, cso, broker } = started.urls;
  if (qbo) console.log(`QuickBooks Online sandbox  ${qbo}   (control API ${qbo}/__sandbox/)`);
  if (cso) console.log(`CStoreOffice sandbox       ${cso}   (sign in as auditor@demo.test / demo)`);
  if (broker)
    console.log(`Token broker               ${broker}   (client ${SANDBOX_CLIENT.id}, for ${EXTENSION_ORIGIN})`);
  console.log('Press Ctrl-C to stop.');
  const stop = () => void started.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) await main();
