/**
 * Directions per type (the company's first-sync setup): a one-way type writes only to the side it
 * flows to, over several runs with edits on both sides, and its rows say what is not copied.
 */
import { describe, expect, it } from 'vitest';
import type { Direction } from '../../../lib/sync';
import { createHarness } from '../../fakes/harness';

const customer = (name: string, email: string | null = null) => ({
  name,
  companyName: null,
  email,
  phone: null,
  active: true,
});

async function names(h: ReturnType<typeof createHarness>) {
  const cso = ((await h.cso.read({ since: null })).records.customer ?? []).map((r) => r.name).sort();
  const qbo = ((await h.qbo.read({ since: null })).records.Customer ?? []).map((r) => r.name).sort();
  return { cso, qbo };
}

const emailOf = async (h: ReturnType<typeof createHarness>, side: 'cso' | 'qbo', name: string) => {
  const records =
    side === 'cso'
      ? (await h.cso.read({ since: null })).records.customer
      : (await h.qbo.read({ since: null })).records.Customer;
  return (records?.find((r) => r.name === name) as { email?: string | null } | undefined)?.email;
};

const directed = (customerDirection: Direction) => createHarness({ directions: { customer: customerDirection } });

describe('CStoreOffice → QuickBooks only', () => {
  it('creates in QuickBooks, never in CStoreOffice, and carries only CStoreOffice’s changes', async () => {
    const h = directed('toQbo');
    const mine = h.seed.cso('customer', customer('City Fleet', 'a@city.test'));
    h.seed.qbo('Customer', customer('QuickBooks Walk-in'));

    const first = await h.engine.synchronize();
    expect(await names(h)).toEqual({ cso: ['City Fleet'], qbo: ['City Fleet', 'QuickBooks Walk-in'] });
    const walkIn = first.rows.find((r) => r.name === 'QuickBooks Walk-in')!;
    expect(walkIn.status).toBe('notSynced');
    expect(walkIn.statusText).toBe('QuickBooks only (not copied)');
    expect(walkIn.issue?.detail).toContain('Customers go CStoreOffice → QuickBooks only for this company');

    // Run 2: an edit in QuickBooks is not copied back, and the row says so.
    const qboId = first.rows.find((r) => r.name === 'City Fleet')!.qboId!;
    h.qbo.edit({ kind: 'update', list: 'Customer', id: qboId, values: { email: 'b@city.test' } });
    const second = await h.engine.synchronize();
    expect(second.executed.ops).toEqual([]);
    expect(await emailOf(h, 'cso', 'City Fleet')).toBe('a@city.test');
    const row = second.rows.find((r) => r.name === 'City Fleet')!;
    expect(row.status).toBe('notSynced');
    expect(row.issue?.title).toBe("QuickBooks' change not copied: one way only");
    expect(row.issue?.detail).toContain('The email differs in QuickBooks');

    // Run 3: CStoreOffice changes the same field: its value goes to QuickBooks (the source wins).
    h.cso.edit({ kind: 'update', list: 'customer', id: mine, values: { email: 'c@city.test' } });
    const third = await h.engine.synchronize();
    expect(third.executed.ops.map((op) => `${op.kind}:${op.target ?? ''}`)).toEqual(['update:qbo']);
    expect(await emailOf(h, 'qbo', 'City Fleet')).toBe('c@city.test');
    expect(third.rows.find((r) => r.name === 'City Fleet')!.status).toBe('synchronized');
  });
});

describe('QuickBooks → CStoreOffice only', () => {
  it('creates in CStoreOffice, never in QuickBooks, and a first link takes QuickBooks’ values', async () => {
    const h = directed('toCso');
    h.seed.cso('customer', customer('Store Only'));
    h.seed.cso('customer', customer('Both', 'cso@both.test'));
    h.seed.qbo('Customer', customer('Both', 'qbo@both.test'));
    h.seed.qbo('Customer', customer('Books Only'));

    const first = await h.engine.synchronize();
    expect(await names(h)).toEqual({ cso: ['Books Only', 'Both', 'Store Only'], qbo: ['Both', 'Books Only'].sort() });
    expect(await emailOf(h, 'cso', 'Both')).toBe('qbo@both.test');
    expect(await emailOf(h, 'qbo', 'Both')).toBe('qbo@both.test');
    const storeOnly = first.rows.find((r) => r.name === 'Store Only')!;
    expect(storeOnly.statusText).toBe('CStoreOffice only (not copied)');
    expect(first.executed.ops.filter((op) => op.target === 'qbo')).toEqual([]);

    // Three runs with edits on both sides: QuickBooks never receives a write.
    for (const email of ['x@both.test', 'y@both.test']) {
      const id = (await h.qbo.read({ since: null })).records.Customer!.find((r) => r.name === 'Both')!.id;
      h.qbo.edit({ kind: 'update', list: 'Customer', id, values: { email } });
      const csoId = first.rows.find((r) => r.name === 'Both')!.csoId!;
      h.cso.edit({ kind: 'update', list: 'customer', id: csoId, values: { phone: '555-0100' } });
      const run = await h.engine.synchronize();
      expect(run.executed.ops.filter((op) => op.target === 'qbo')).toEqual([]);
      expect(await emailOf(h, 'cso', 'Both')).toBe(email);
      expect(run.rows.find((r) => r.name === 'Both')!.statusText).toBe('Not Synchronized (one way)');
    }
  });
});

describe('off', () => {
  it('writes nothing for the type and leaves its rows out, like a type turned off in the options', async () => {
    const h = directed('off');
    h.seed.cso('customer', customer('City Fleet'));
    h.seed.qbo('Customer', customer('Walk-in'));
    const report = await h.engine.synchronize();
    expect(report.executed.ops).toEqual([]);
    expect(report.rows).toEqual([]);
  });
});

describe("QuickBooks' settings", () => {
  const prefs = {
    classTracking: true,
    locationTracking: true,
    locationLabel: 'Location',
    accountNumbers: true,
    bookCloseDate: null,
  };

  it('with class tracking off, sends no class and says so once per row, while classes still come in', async () => {
    const h = createHarness({ qboPrefs: { ...prefs, classTracking: false } });
    h.seed.cso('class', { name: 'Store', parentId: null, active: true });
    h.seed.qbo('Class', { name: 'Fuel', parentId: null, active: true });
    const report = await h.engine.synchronize();
    expect(report.executed.ops.filter((op) => op.target === 'qbo')).toEqual([]);
    expect(report.failures).toEqual([]);
    const store = report.rows.find((r) => r.name === 'Store')!;
    expect(store).toMatchObject({ status: 'notSynced', statusText: 'CStoreOffice only (not sent)' });
    expect(store.issue?.detail).toContain('Turn on class tracking in QuickBooks: Settings → Account and settings');
    expect(report.rows.find((r) => r.name === 'Fuel')!.status).toBe('synchronized');
  });

  it('with location tracking off and locations set to CStoreOffice → QuickBooks only, nothing at all is planned for them', async () => {
    const h = createHarness({ qboPrefs: { ...prefs, locationTracking: false }, directions: { location: 'toQbo' } });
    h.seed.cso('location', { name: 'Station 1', parentId: null, active: true, stationCode: null, address: null });
    const report = await h.engine.synchronize();
    expect(report.executed.ops).toEqual([]);
    expect(report.rows).toEqual([]);
  });

  it('with account numbers off, accounts are created without their number and the row says so', async () => {
    const h = createHarness({ qboPrefs: { ...prefs, accountNumbers: false } });
    h.seed.cso('account', {
      name: 'Fuel Sales',
      parentId: null,
      number: '4000',
      accountType: 'Income',
      description: null,
      active: true,
    });
    const preview = await h.engine.preview();
    const row = preview.rows[0]!;
    expect(row.status).toBe('waitingForCreation');
    expect(row.issue?.detail).toContain('Account numbers are off in QuickBooks');
    expect(preview.plan.ops[0]!.values).not.toHaveProperty('number');
    await h.engine.synchronize();
    const account = (await h.qbo.read({ since: null })).records.Account!.find((a) => a.name === 'Fuel Sales');
    expect((account as { number?: string | null } | undefined)?.number ?? null).toBeNull();
    expect((await h.engine.preview()).plan.ops).toEqual([]);
  });
});
