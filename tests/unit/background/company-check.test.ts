/**
 * The Audit page's DOM names the company, and any script of that page can change it: the
 * background asks CStoreOffice which companies the signed-in user may audit, and takes the name
 * from there.
 */
import { describe, expect, it, vi } from 'vitest';
import { createHandlers, type HandlerDeps } from '@/lib/background/handlers';
import { createCompanyDirectory, createRowStore } from '@/lib/db';
import type { Sender } from '@/lib/messaging/handle';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { freshDb } from '../db/db-fixtures';

const ORIGIN = 'https://03.cstoreoffice.com';
const page = { url: `${ORIGIN}/app.php/accounting/audit?company=1` } as Sender;

function setup(listed: { id: string; name: string }[] | Error) {
  const { db } = freshDb();
  const auditableCompanies = vi.fn(async () => {
    if (listed instanceof Error) throw listed;
    return listed;
  });
  const synchronize = vi.fn(async () => ({ outcome: 'success', message: 'ok', summary: {} }));
  let t = 0;
  const deps = {
    db,
    rows: createRowStore(db),
    companies: createCompanyDirectory(db, () => new Date('2026-12-04T00:00:00Z')),
    tokens: { get: async () => undefined },
    meta: { get: async () => undefined, put: async () => {}, remove: async () => {} },
    connect: {},
    sync: { status: () => null, reading: () => false, synchronize },
    readSettings: async () => DEFAULT_SETTINGS,
    openOptionsPage: async () => {},
    auditableCompanies,
    now: () => t,
  } as unknown as HandlerDeps;
  return { handlers: createHandlers(deps), auditableCompanies, synchronize, advance: (ms: number) => (t += ms) };
}

describe('the company a page names is checked with CStoreOffice', () => {
  it('takes a company CStoreOffice lists for the user, by the name CStoreOffice gives it', async () => {
    const { handlers } = setup([{ id: '1', name: 'Sunrise Fuel & Food LLC' }]);
    const summary = await handlers.getCompany({ companyId: '1', companyName: 'Renamed by a page script' }, page);
    expect(summary).toMatchObject({ companyId: '1', companyName: 'Sunrise Fuel & Food LLC' });
  });

  it('refuses a company the user may not audit, in words', async () => {
    const { handlers } = setup([{ id: '1', name: 'Sunrise Fuel & Food LLC' }]);
    await expect(handlers.getCompany({ companyId: '2', companyName: 'Other' }, page)).rejects.toThrow(
      /does not list company 2 among the companies your user may audit at 03\.cstoreoffice\.com/,
    );
  });

  it('asks CStoreOffice again after ten minutes, not on every page load', async () => {
    const { handlers, auditableCompanies, advance } = setup([{ id: '1', name: 'Sunrise Fuel & Food LLC' }]);
    await handlers.getCompany({ companyId: '1', companyName: 'x' }, page);
    await handlers.getCompany({ companyId: '1', companyName: 'x' }, page);
    expect(auditableCompanies).toHaveBeenCalledTimes(1);
    advance(10 * 60_000);
    await handlers.getCompany({ companyId: '1', companyName: 'x' }, page);
    expect(auditableCompanies).toHaveBeenCalledTimes(2);
  });

  it('shows a company CStoreOffice cannot be asked about by the page’s name, but writes nothing for it', async () => {
    const { handlers, synchronize } = setup(new Error('You are signed out of CStoreOffice.'));
    const summary = await handlers.getCompany({ companyId: '1', companyName: 'Sunrise Fuel & Food LLC' }, page);
    expect(summary).toMatchObject({ companyName: 'Sunrise Fuel & Food LLC' });
    await expect(handlers.synchronize({ companyId: '1' }, page)).rejects.toThrow(
      /could not confirm that your user may audit this company \(You are signed out of CStoreOffice\.\).*nothing was written/,
    );
    expect(synchronize).not.toHaveBeenCalled();
  });

  it('lets a listed company synchronize', async () => {
    const { handlers, synchronize } = setup([{ id: '1', name: 'Sunrise Fuel & Food LLC' }]);
    await handlers.getCompany({ companyId: '1', companyName: 'x' }, page);
    await handlers.synchronize({ companyId: '1' }, page);
    expect(synchronize).toHaveBeenCalledTimes(1);
  });
});
