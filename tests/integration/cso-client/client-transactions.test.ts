// The client's audit-day and vendor-invoice reads against the sandbox over real HTTP: whole
// listings across pages, changes since a watermark with tombstones, a listing read short refused,
// and an older server (v1.3) named as a missing feature rather than an empty month.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CsoFeatureMissingError,
  CsoIncompleteReadError,
  CsoMalformedResponseError,
  CsoNotFoundError,
  type CsoAuditDay,
  type CsoVendorInvoice,
} from '../../../lib/cso';
import type { CsoSandbox } from '../../../sandbox/cso';
import { control, startSandbox } from '../cso-sandbox/harness';
import { connect, type Harness } from './setup';

let sb: CsoSandbox;
let h: Harness;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.stop());
beforeEach(async () => {
  sb.app.reset();
  h = await connect(sb);
  await control(sb.url, 'POST', '/companies/1/store-month', {
    stations: 2,
    days: 20,
    seed: 3,
    startDate: '2025-10-10',
  });
});

const total = (doc: { lines: Array<{ amountCents: number }> }) => doc.lines.reduce((s, l) => s + l.amountCents, 0);

describe('CSO client: audit days and vendor invoices', () => {
  it('reads every day across pages, with typed lines in whole cents', async () => {
    const { records, tombstones, serverTime } = await h.client.listAuditDays('1', { limit: 7 });
    expect(records).toHaveLength(40);
    expect(tombstones).toEqual([]);
    expect(serverTime).toBe('2025-11-03T14:00:00.000Z');
    const day: CsoAuditDay | undefined = records.find((d) => d.status === 'reopened');
    expect(day).toMatchObject({ date: '2025-10-20', version: 3 });
    expect(records.filter((d) => d.status === 'open')).toHaveLength(4);
    const houseCharge = records.flatMap((d) => d.lines).find((l) => l.customerId !== null);
    expect(houseCharge).toMatchObject({ vendorId: null, amountCents: expect.any(Number) });
    expect(records.every((d) => d.lines.every((l) => Number.isInteger(l.amountCents)))).toBe(true);
  });

  it('reads every invoice, a credit among them, each line on a data type or an account', async () => {
    const { records } = await h.client.listVendorInvoices('1', { limit: 5 });
    const credits: CsoVendorInvoice[] = records.filter((i) => total(i) < 0);
    expect(credits).toHaveLength(1);
    expect(records.some((i) => i.vendorType === 'accountingVendor' && i.lines[0]?.accountId !== null)).toBe(true);
    expect(records.some((i) => i.vendorType === 'priceBookVendor' && i.lines[0]?.dataTypeId !== null)).toBe(true);
  });

  it('reads the changes since a watermark: a reopened day as an update, a deleted invoice as a tombstone', async () => {
    // The watermark is inclusive: read a minute after the month was written, or it comes back whole.
    await control(sb.url, 'POST', '/clock', { advance: '1m' });
    const first = await h.client.listAuditDays('1');
    const invoices = await h.client.listVendorInvoices('1');
    await control(sb.url, 'POST', '/clock', { advance: '5m' });
    const day = first.records.find((d) => d.status === 'audited');
    await control(sb.url, 'POST', `/companies/1/audit-days/${day?.id}/reopen`);
    const victim = invoices.records[0];
    await control(sb.url, 'DELETE', `/companies/1/vendor-invoices/${victim?.id}`);

    const days = await h.client.listAuditDays('1', { updatedSince: first.serverTime });
    expect(days.records).toEqual([{ ...day, status: 'reopened', version: 3, updatedAt: '2025-11-03T14:06:00.000Z' }]);
    expect(days.tombstones).toEqual([]);
    const changed = await h.client.listVendorInvoices('1', { updatedSince: invoices.serverTime });
    expect(changed.records).toEqual([]);
    expect(changed.tombstones).toEqual([{ id: victim?.id, deleted: true, updatedAt: '2025-11-03T14:06:00.000Z' }]);
  });

  it('refuses a listing that ends before its total instead of returning fewer days', async () => {
    await control(sb.url, 'POST', '/faults', {
      kind: 'lie',
      lie: 'endEarly',
      path: '/api/qbo-sync/v1/companies/1/audit-days',
    });
    await expect(h.client.listAuditDays('1', { limit: 10 })).rejects.toBeInstanceOf(CsoIncompleteReadError);
  });

  it('names a v1.3 server as one without transactions, and keeps other 404s as they are', async () => {
    await control(sb.url, 'POST', '/contract', { version: '1.3' });
    for (const [call, feature] of [
      [() => h.client.listAuditDays('1'), 'auditDays'],
      [() => h.client.listVendorInvoices('1', { updatedSince: '2025-11-01T00:00:00.000Z' }), 'vendorInvoices'],
    ] as const) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CsoFeatureMissingError);
      expect(error).toMatchObject({ feature, status: 404, message: expect.stringContaining('v1.4') });
    }
    await control(sb.url, 'POST', '/contract', { version: '1.4' });
    const unknownCompany = await h.client.listAuditDays('9').catch((e: unknown) => e);
    expect(unknownCompany).toBeInstanceOf(CsoNotFoundError);
    expect(unknownCompany).not.toBeInstanceOf(CsoFeatureMissingError);
  });

  it('treats a fractional amount as a malformed answer, never rounding it', async () => {
    const day = sb.app.transactions.all('1', 'audit-days')[0];
    const line = day?.body.lines[0];
    if (line) line.amountCents = 100.5;
    await expect(h.client.listAuditDays('1')).rejects.toBeInstanceOf(CsoMalformedResponseError);
  });
});
