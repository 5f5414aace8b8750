import { describe, expect, it } from 'vitest';
import { toCsoRun } from '@/lib/background/cso-runs';
import { createHistoryReader } from '@/lib/background/history-reader';
import { createRunHistory, type NewStoredRun, type SyncStateSummary } from '@/lib/db';
import { createFakeCsoRuns } from '../../fakes/cso-runs';
import { ACME, freshDb } from '../db/db-fixtures';

const target = { key: ACME, origin: 'https://a.cstoreoffice.com', companyId: '101' };
const at = (minute: number) => new Date(Date.UTC(2026, 11, 5, 10, minute)).toISOString();
const entry = (minute: number, who: string, over: Partial<NewStoredRun> = {}): NewStoredRun => ({
  runId: `run-${minute}`,
  startedAt: at(minute),
  finishedAt: at(minute),
  trigger: 'user',
  who,
  outcome: 'succeeded',
  message: `Run at ${minute}`,
  counts: { updateCso: 1 },
  errors: [],
  ...over,
});

function setup(undo: SyncStateSummary['undo'] = null) {
  const { db } = freshDb();
  const cso = createFakeCsoRuns();
  const history = createRunHistory(db, ACME);
  const reader = createHistoryReader({ client: () => cso, history: () => history, undoMark: async () => undo });
  /** A run made in another browser: only CStoreOffice has it. */
  const elsewhere = async (minute: number, who: string) =>
    cso.appendRun('101', toCsoRun({ ...entry(minute, who), connection: 'other' }), { idempotencyKey: `x${minute}` });
  /** A run made here and appended. */
  const shared = async (minute: number, who: string) => {
    const stored = await history.append(entry(minute, who));
    const run = await cso.appendRun('101', toCsoRun(stored), { idempotencyKey: stored.runId });
    await history.markShared(stored.id!, run.id);
  };
  return { cso, history, reader, elsewhere, shared };
}

const whoOf = (page: { entries: { who: string }[] }) => page.entries.map((e) => e.who);

describe('History merged from CStoreOffice and this browser', () => {
  it('shows a run from another browser marked so, a shared run once with its local details, and a local-only one', async () => {
    const { reader, elsewhere, shared, history } = setup({ runId: 'run-2', undone: false });
    await history.append(entry(1, 'Old local', { errors: [{ rowKey: 'k', code: 'c', title: 'T', detail: 'D' }] }));
    await shared(2, 'Pat Lee');
    await elsewhere(3, 'Sam Roe');
    const page = await reader.page(target, 0, 10);
    expect(whoOf(page)).toEqual(['Sam Roe (another browser)', 'Pat Lee', 'Old local']);
    expect(page.entries.map((e) => e.undo)).toEqual([null, 'available', null]);
    expect(page.entries[2]!.errors).toEqual(['T: D']);
    expect(page.total).toBe(3);
    expect(page.shared).toBeNull();
  });

  it('pages through both, newest first, with at most one CStoreOffice read per page', async () => {
    const { reader, elsewhere, history, cso } = setup();
    for (const m of [1, 3, 5, 7, 9]) await elsewhere(m, `B${m}`);
    for (const m of [2, 4, 6, 8]) await history.append(entry(m, `A${m}`));
    const pages = [];
    for (let p = 0; p < 3; p++) pages.push(whoOf(await reader.page(target, p, 4)).map((w) => w.split(' ')[0]));
    expect(pages).toEqual([['B9', 'A8', 'B7', 'A6'], ['B5', 'A4', 'B3', 'A2'], ['B1']]);
    expect(cso.state.lists).toBeLessThanOrEqual(3);
    expect((await reader.page(target, 0, 4)).total).toBe(9);
    // A worker restarted since knows no page starts: it walks to the page asked for.
    const restarted = createHistoryReader({ client: () => cso, history: () => history, undoMark: async () => null });
    expect(whoOf(await restarted.page(target, 1, 4)).map((w) => w.split(' ')[0])).toEqual(pages[1]);
  });

  it('a run of this browser that CStoreOffice no longer keeps (past its newest 500) is still listed, once', async () => {
    const { reader, shared, history } = setup();
    const gone = await history.append(entry(1, 'Dropped there'));
    await history.markShared(gone.id!, 'id-dropped-by-retention');
    await shared(2, 'Pat Lee');
    const page = await reader.page(target, 0, 10);
    expect(whoOf(page)).toEqual(['Pat Lee', 'Dropped there']);
  });

  it('a run whose append landed but whose answer was lost is shown once, as this browser’s, and not sent again', async () => {
    const { reader, history, cso } = setup();
    const stored = await history.append({ ...entry(1, 'Pat Lee'), csoPending: true });
    await cso.appendRun('101', toCsoRun(stored), { idempotencyKey: stored.runId });
    expect(whoOf(await reader.page(target, 0, 10))).toEqual(['Pat Lee']);
    expect(await history.pendingShares(500)).toEqual([]);
  });

  it('CStoreOffice out of reach: this browser’s runs, and words saying the others are missing', async () => {
    const { reader, history, cso } = setup();
    await history.append(entry(1, 'Pat Lee'));
    cso.state.fail = 'down';
    const page = await reader.page(target, 0, 10);
    expect(whoOf(page)).toEqual(['Pat Lee']);
    expect(page.shared).toMatch(/could not be read.*this browser only/);
  });

  it('a server before v1.3: this browser’s runs, silently, and it is not asked again', async () => {
    const { reader, history, cso } = setup();
    await history.append(entry(1, 'Pat Lee'));
    cso.state.fail = 'older';
    expect(await reader.page(target, 0, 10)).toMatchObject({ total: 1, shared: null });
    await reader.page(target, 0, 10);
    expect(cso.state.lists).toBe(1);
  });

  it('the CSV holds the runs of every browser, each once', async () => {
    const { reader, elsewhere, shared, history } = setup();
    await history.append(entry(1, 'Old local'));
    await shared(2, 'Pat Lee');
    await elsewhere(3, 'Sam Roe');
    const all = await reader.exportAll(target);
    expect(all.map((e) => e.who)).toEqual(['Sam Roe (another browser)', 'Pat Lee', 'Old local']);
  });
});
