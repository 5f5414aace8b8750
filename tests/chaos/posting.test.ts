/**
 * A store month posted under the chaos suite's faults (429, 5xx, hangs, dropped connections, lost
 * answers, and answers that lie: rows dropped, an empty list, a listing that ends early): runs are
 * repeated until one ends clean, as a bookkeeper would press Synchronize again, and the end state
 * must hold every posting once (no duplicate document number) with the tie-out exact to the cent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRealm, advance, connect, csoControl, startSandboxes, type Sandboxes } from '../integration/sync/harness';
import {
  addStations,
  expectedNets,
  loadMonth,
  postedNets,
  postedNumbers,
  postingEngineOver,
  trackClassesAndLocations,
} from '../integration/posting/harness';
import { connectChaos } from './connect';
import { createFaultSwitch } from './faults';

let sb: Sandboxes;
beforeAll(async () => {
  sb = await startSandboxes();
});
afterAll(() => sb.stop());

const COMPANY = '2';

type Doc = { id: string; status?: string; deleted?: boolean; lines: { id: string; amountCents: number }[] };
const cso = (path: string, body: unknown, method?: string) =>
  csoControl(sb, `companies/${COMPANY}/${path}`, body, method);
async function csoMonth() {
  const dump = await csoControl<{ companies: { transactions: { auditDays: Doc[]; vendorInvoices: Doc[] } }[] }>(
    sb,
    `dump?company=${COMPANY}`,
  );
  return dump.companies[0]!.transactions;
}
const MAX_RUNS = 40;

describe('posting under chaos', () => {
  it('a month of 3 stations ends posted once each, tied out to the cent', async () => {
    await addStations(sb, COMPANY, 1);
    const realmId = await addRealm(sb, 'empty');
    await trackClassesAndLocations(sb, realmId);
    const clean = await connect(sb, realmId, COMPANY, {}, 'cso');
    await loadMonth(sb, COMPANY, 3);
    expect((await clean.engine.synchronize({ confirmCreates: true })).failures).toEqual([]);
    const chaos = await connectChaos(sb, realmId, COMPANY, 2);
    // Documents and postings through the faulty clients; the books from the clean entity sync.
    const posting = postingEngineOver({
      csoClient: chaos.csoClient,
      qboClient: chaos.qboClient,
      companyId: COMPANY,
      entities: () => clean.engine.entities(),
      prefs: await clean.qboClient.companyPreferences(),
      runPrefix: 'chaos-post',
    });
    const faults = createFaultSwitch(sb, realmId, COMPANY, { qboRate: 0.3, csoRate: 0.3 });
    const stops: string[] = [];
    let runs = 0;
    /** Synchronize again and again under faults, as a bookkeeper would, until a run ends clean. */
    async function settle(): Promise<boolean> {
      await faults.on();
      try {
        for (let attempt = 0; attempt < MAX_RUNS; attempt++) {
          advance(sb, 61_000);
          try {
            runs++;
            const report = await posting.synchronize();
            if (
              report.failed === 0 &&
              report.rows.every((r) => r.status === 'synchronized' || r.status === 'notSynced')
            )
              return true;
          } catch (error) {
            stops.push((error as Error).message.slice(0, 60));
          }
        }
        return false;
      } finally {
        await faults.off();
      }
    }
    expect(await settle()).toBe(true);
    // Rounds of a bookkeeper's work between runs: days reopened, corrected and audited again, an
    // invoice deleted and one entered.
    for (let round = 0; round < 3; round++) {
      const month = await csoMonth();
      const audited = month.auditDays.filter((d) => d.status === 'audited');
      const reopened = month.auditDays.filter((d) => d.status === 'reopened');
      const day = audited[(round * 7) % audited.length]!;
      await cso(`audit-days/${day.id}/reopen`, {});
      await cso(
        `audit-days/${day.id}/lines/${day.lines[0]!.id}`,
        { amountCents: day.lines[0]!.amountCents + 137 * (round + 1) },
        'PATCH',
      );
      await cso(`audit-days/${day.id}/audit`, {});
      if (reopened[0]) await cso(`audit-days/${reopened[0].id}/audit`, {});
      await cso(`audit-days/${audited[(round * 7 + 3) % audited.length]!.id}/reopen`, {});
      const invoice = month.vendorInvoices.filter((i) => !i.deleted)[round]!;
      await fetch(`${sb.cso.url}/__sandbox/companies/${COMPANY}/vendor-invoices/${invoice.id}`, { method: 'DELETE' });
      expect(await settle()).toBe(true);
    }
    const injected = await faults.injected();
    console.log(
      `posting chaos: ${runs} runs, ${stops.length} stopped (${[...new Set(stops)].slice(0, 4).join(' | ')}); injected QBO ${JSON.stringify(injected.qbo)}, CSO ${JSON.stringify(injected.cso)}`,
    );
    expect(Object.keys(injected.cso).some((k) => k.startsWith('lie:'))).toBe(true);
    expect(injected.qbo['lost-response'] ?? 0).toBeGreaterThan(0);

    const numbers = await postedNumbers(sb, realmId);
    expect(numbers.filter((n, i) => numbers.indexOf(n) !== i)).toEqual([]);
    const tracking = { classes: true, locations: true };
    expect(await postedNets(sb, realmId)).toEqual(await expectedNets(sb, COMPANY, realmId, tracking));
  });
});
