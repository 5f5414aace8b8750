// Each company's sync history (contract v1.3, "Run history"): append-only run summaries, so every
// browser shows the same history. The newest RUNS_KEPT are kept; older ones drop off as new ones
// arrive, as a back office would cap a log table.
import { invalidFields, type StoreError } from './records';
import type { FieldErrors } from './validate';

const RUNS_KEPT = 500;
const OUTCOMES = ['succeeded', 'partial', 'failed', 'cancelled'];
const MESSAGE_MAX = 2000;
const BY_MAX = 256;
const COUNT_KEYS_MAX = 32;

export interface RunSummary {
  id: string;
  startedAt: string;
  finishedAt: string;
  outcome: string;
  message: string | null;
  counts: Record<string, number>;
  by: string | null;
}
interface StoredRun {
  seq: number;
  run: RunSummary;
}

export type SyncRuns = ReturnType<typeof createSyncRuns>;

const isIso = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const FIELDS = ['startedAt', 'finishedAt', 'outcome', 'message', 'counts', 'by'];

function checkRun(body: unknown): { ok: true; run: Omit<RunSummary, 'id'> } | { ok: false; fields: FieldErrors } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, fields: { _: 'The body must be a JSON object.' } };
  const b = body as Record<string, unknown>;
  const fields: FieldErrors = {};
  for (const key of Object.keys(b)) if (!FIELDS.includes(key)) fields[key] = 'Unknown field for a run.';
  if (!isIso(b.startedAt)) fields.startedAt = 'Must be an ISO 8601 date-time.';
  if (!isIso(b.finishedAt)) fields.finishedAt = 'Must be an ISO 8601 date-time.';
  else if (isIso(b.startedAt) && Date.parse(b.finishedAt) < Date.parse(b.startedAt))
    fields.finishedAt = 'Must not be before startedAt.';
  if (typeof b.outcome !== 'string' || !OUTCOMES.includes(b.outcome))
    fields.outcome = `Must be one of ${OUTCOMES.join(', ')}.`;
  const message = b.message ?? null;
  if (message !== null && (typeof message !== 'string' || message.length > MESSAGE_MAX))
    fields.message = `Must be null or at most ${MESSAGE_MAX} characters.`;
  const by = b.by ?? null;
  if (by !== null && (typeof by !== 'string' || by.length > BY_MAX))
    fields.by = `Must be null or at most ${BY_MAX} characters.`;
  const counts = b.counts ?? {};
  const entries =
    typeof counts === 'object' && counts !== null && !Array.isArray(counts) ? Object.entries(counts) : null;
  if (
    !entries ||
    entries.length > COUNT_KEYS_MAX ||
    entries.some(([k, v]) => k.length === 0 || k.length > 64 || !Number.isSafeInteger(v) || (v as number) < 0)
  )
    fields.counts = `Must be an object of at most ${COUNT_KEYS_MAX} names with whole numbers from 0.`;
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return {
    ok: true,
    run: {
      startedAt: b.startedAt as string,
      finishedAt: b.finishedAt as string,
      outcome: b.outcome as string,
      message: message as string | null,
      counts: Object.fromEntries(entries ?? []) as Record<string, number>,
      by: by as string | null,
    },
  };
}

export function createSyncRuns() {
  const byCompany = new Map<string, StoredRun[]>();
  let seq = 0;
  const runsOf = (companyId: string) => byCompany.get(companyId) ?? [];

  return {
    append(companyId: string, body: unknown): { ok: true; run: RunSummary } | { ok: false; error: StoreError } {
      const checked = checkRun(body);
      if (!checked.ok) return invalidFields(checked.fields);
      seq++;
      const run: RunSummary = { id: String(seq), ...checked.run };
      const kept = [...runsOf(companyId), { seq, run }].slice(-RUNS_KEPT);
      byCompany.set(companyId, kept);
      return { ok: true, run };
    },

    /** Newest first, the runs older than `beforeSeq` (null: from the newest); `total` counts all kept. */
    page(companyId: string, beforeSeq: number | null, limit: number) {
      const newestFirst = [...runsOf(companyId)].reverse().filter((r) => beforeSeq === null || r.seq < beforeSeq);
      const items = newestFirst.slice(0, limit);
      const more = newestFirst.length > limit;
      return {
        runs: items.map((r) => r.run),
        lastSeq: items.at(-1)?.seq ?? null,
        more,
        total: runsOf(companyId).length,
      };
    },

    all: (companyId: string) => [...runsOf(companyId)].reverse().map((r) => r.run),
    clear: () => byCompany.clear(),
  };
}
