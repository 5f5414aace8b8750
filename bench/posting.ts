/**
 * Posting a store month under the QBO sandbox's real throttle (clock sped up): how many batch
 * requests it took against ⌈writes / 30⌉, the write rate as a share of QBO's bound (40 batch calls
 * of 30 a minute: 1,200 writes), and what a run with nothing new costs per source.
 */
import { postingPrefsOf } from '../lib/background/posting-prefs';
import { createCsoDocuments } from '../lib/cso';
import { booksFrom } from '../lib/posting/books-from-entities';
import { createPostingEngine } from '../lib/posting/engine';
import type { PostingSnapshot } from '../lib/posting/ports';
import { createQboPostedStore } from '../lib/qbo/posted-store';
import { startSyncEnv } from './sync-env';

const WRITE_BOUND_PER_MINUTE = 1200;
/** One batch slot of QBO's 40 a minute: the last batch's own share of the window. */
const BATCH_SLOT_MS = 60_000 / 40;

export interface PostingBenchResult {
  stations: number;
  writes: number;
  batches: number;
  batchBudget: number;
  fraction: number;
  writesPerMinute: number;
  failed: number;
  nothingNew: { qbo: number; cso: number };
}

async function control<T>(base: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}/__sandbox/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function benchPosting(stations: number, speed: number): Promise<PostingBenchResult> {
  const env = await startSyncEnv({ perType: 0, qboSpeed: speed, throttle: true, company: '2' });
  try {
    const cso = env.cso.url;
    for (let n = 0; n < stations - 2; n++)
      await control(cso, `companies/${env.companyId}/locations`, { name: `Bench Station #${n}`, stationCode: `B${n}` });
    await control(cso, `companies/${env.companyId}/store-month`, {
      stations,
      days: 31,
      seed: 3,
      startDate: '2025-10-01',
    });
    await env.engine.synchronize({ confirmCreates: true });
    const prefs = await env.qboClient.companyPreferences();
    let snapshot: PostingSnapshot | null = null;
    let runs = 0;
    const posting = createPostingEngine({
      documents: createCsoDocuments({ client: env.csoClient, companyId: env.companyId }),
      qbo: createQboPostedStore({ client: env.qboClient }),
      books: async () => booksFrom(await env.engine.entities(), postingPrefsOf(prefs)),
      newRunId: () => `bench-post-${++runs}`,
      cache: { load: async () => snapshot, save: async (s) => void (snapshot = s) },
    });
    const seen = (await env.log()).length;
    const report = await posting.synchronize();
    const batches = (await env.log()).slice(seen).filter((e) => e.route.endsWith('/batch') && e.status === 200);
    const writes = batches.reduce((n, e) => n + e.tags.filter((t) => t === 'batch:write').length, 0);
    const window = (batches.at(-1)?.time ?? 0) - (batches[0]?.time ?? 0) + BATCH_SLOT_MS;
    const writesPerMinute = writes / (window / 60_000);

    const counts = async () => ({
      qbo: (await env.counters()).total,
      cso: (await control<{ counters: { total: number } }>(cso, `counters?company=${env.companyId}`)).counters.total,
    });
    const before = await counts();
    await posting.synchronize();
    const after = await counts();
    return {
      stations,
      writes,
      batches: batches.length,
      batchBudget: Math.ceil(writes / 30),
      fraction: writesPerMinute / WRITE_BOUND_PER_MINUTE,
      writesPerMinute,
      failed: report.failed,
      nothingNew: { qbo: after.qbo - before.qbo, cso: after.cso - before.cso },
    };
  } finally {
    await env.stop();
  }
}
