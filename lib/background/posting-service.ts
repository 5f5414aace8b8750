/**
 * Posts a company's audited days and vendor invoices to QuickBooks: Preview, Synchronize, Ignore
 * Issues and the tie-out. A Synchronize first runs the entity sync (joining one already going), so
 * the accounts, parties and stations a transaction names are in QuickBooks, then posts. One posting
 * run at a time per company: a second request joins the first. The last rows are kept per company,
 * so the section opens on them without reading either side.
 */
import type { RunHistory } from '@/lib/db';
import type { ActionReply } from '@/lib/messaging/protocol';
import type { PostingReport } from '@/lib/posting/engine';
import type { TxnRow } from '@/lib/posting/plan';
import { formatCents } from '@/lib/posting/money';
import { tieOut } from '@/lib/posting/tie-out';
import type { TieOutReply } from '@/lib/messaging/transactions';
import { type HistoryShare, recordRun } from './history-share';
import type { KeyedValue } from './keyed-item';
import type { BuildPosting } from './posting-engine-factory';
import { postingEntry, worthRecording } from './posting-history';
import { describePostingPreview, describePostingRun } from './posting-words';
import { describeStop } from './run-errors';
import type { SyncService } from './sync-service';
import type { RunRequest, SyncTarget } from './sync-target';
import { type IgnoreMarkers, type IgnoreStore, isIgnored, withIgnored } from './txn-ignores';
import { nameTieOut } from './tie-out-names';

export interface PostingServiceDeps {
  buildPosting: BuildPosting;
  /** The entity sync, run before posting. */
  sync: Pick<SyncService, 'synchronize'>;
  history(key: string): RunHistory;
  shareHistory?: HistoryShare;
  ignores: IgnoreStore;
  /** Where the last rows outlive the worker; absent, they live as long as it does. */
  rowCache?: KeyedValue<TxnRow[]>;
  now(): Date;
  newId(): string;
  locks?: LockManager;
}

/** Rows with the ignore markers in force, as the handlers shape them. */
export interface ShownTxns {
  rows: TxnRow[];
  markers: IgnoreMarkers;
}

export interface PostingOutcome {
  outcome: 'success' | 'partial' | 'failed';
  message: string;
  shown: ShownTxns;
}

type PostingRequest = Pick<RunRequest, 'trigger' | 'who' | 'selection'>;

export function createPostingService(deps: PostingServiceDeps) {
  const last = new Map<string, TxnRow[]>();
  const running = new Map<string, Promise<PostingOutcome>>();
  // Its own lock name: the entity run it starts takes the sync's lock, which must stay free.
  const withLock = <T>(key: string, fn: () => Promise<T>): Promise<T> =>
    deps.locks ? (deps.locks.request(`qsm-posting:${key}`, fn) as Promise<T>) : fn();
  const settled = (key: string) => running.get(key)?.catch(() => {});

  async function shown(key: string): Promise<ShownTxns> {
    return { rows: (await lastRows(key)) ?? [], markers: await deps.ignores.get(key) };
  }

  async function lastRows(key: string): Promise<TxnRow[] | undefined> {
    const known = last.get(key);
    if (known || !deps.rowCache) return known;
    const cached = await deps.rowCache.get(key).catch(() => undefined);
    if (cached) last.set(key, cached);
    return cached;
  }

  function keep(key: string, rows: TxnRow[]) {
    last.set(key, rows);
    // A cache: a failed write costs a read when the section opens next, nothing more.
    void deps.rowCache?.set(key, rows).catch((error: unknown) => console.warn('Transaction rows not cached', error));
  }

  async function post(target: SyncTarget, request: PostingRequest, startedAt: string): Promise<PostingOutcome> {
    const runId = deps.newId();
    const facts = () => ({
      runId,
      startedAt,
      finishedAt: deps.now().toISOString(),
      trigger: request.trigger,
      who: request.who,
    });
    const history = deps.history(target.key);
    const entities = await deps.sync.synchronize(target, { trigger: request.trigger, who: request.who });
    if (entities.outcome === 'failed')
      return {
        outcome: 'failed',
        message: `Transactions were not posted: the entity synchronization stopped. ${entities.message}`,
        shown: await shown(target.key),
      };
    let report: PostingReport;
    try {
      const { engine } = await deps.buildPosting(target);
      report = await engine.synchronize(request.selection ? { selection: request.selection } : {});
    } catch (error) {
      const stop = describeStop(error);
      // The stop's words are the entity sync's; here it was posting that stopped.
      const detail = stop.message.replace('The synchronization stopped', 'Posting transactions stopped');
      await recordRun(
        { history, share: deps.shareHistory, target },
        {
          ...facts(),
          outcome: 'failed',
          counts: {},
          errors: [{ rowKey: null, code: stop.kind, title: 'Posting transactions stopped', detail }],
        },
      );
      return { outcome: 'failed', message: detail, shown: await shown(target.key) };
    }
    keep(target.key, report.rows);
    const markers = await deps.ignores.get(target.key);
    const chosen = request.selection ? new Set(request.selection) : null;
    const errors = report.rows.filter(
      (r) => r.status === 'error' && !isIgnored(r, markers) && (!chosen || chosen.has(r.key)),
    );
    const message = describePostingRun(report, errors.length);
    if (worthRecording(report))
      await recordRun({ history, share: deps.shareHistory, target }, postingEntry(facts(), report, errors, message));
    const outcome = report.failed || errors.length || entities.outcome === 'partial' ? 'partial' : 'success';
    const said = entities.outcome === 'partial' ? `${message} Entities: ${entities.message}` : message;
    return { outcome, message: said, shown: { rows: report.rows, markers } };
  }

  return {
    /** The rows of the last read, or null when none is kept (not read in this browser session). */
    async rows(target: SyncTarget): Promise<ShownTxns | null> {
      return (await lastRows(target.key)) ? shown(target.key) : null;
    },

    /** What Synchronize would post; refreshes the rows. Waits for a posting run of the company to end. */
    async preview(target: SyncTarget): Promise<{ message: string; shown: ShownTxns }> {
      await settled(target.key);
      return withLock(target.key, async () => {
        const plan = await (await deps.buildPosting(target)).engine.preview();
        keep(target.key, plan.rows);
        const markers = await deps.ignores.get(target.key);
        const errors = plan.rows.filter((r) => r.status === 'error' && !isIgnored(r, markers)).length;
        return { message: describePostingPreview(plan, errors), shown: { rows: plan.rows, markers } };
      });
    },

    /** Entity sync, then posting (the selected rows, or all); joins a posting run already going. */
    synchronize(target: SyncTarget, request: PostingRequest): Promise<PostingOutcome> {
      const current = running.get(target.key);
      if (current) return current;
      const startedAt = deps.now().toISOString();
      const promise = withLock(target.key, () => post(target, request, startedAt)).finally(() =>
        running.delete(target.key),
      );
      running.set(target.key, promise);
      return promise;
    },

    async ignore(target: SyncTarget, rowKeys: string[]): Promise<ActionReply> {
      const rows = (await lastRows(target.key)) ?? [];
      const next = withIgnored(rows, await deps.ignores.get(target.key), rowKeys);
      if (!next.changed) return { ok: false, message: 'None of these rows has a Synchronization Error to ignore.' };
      await deps.ignores.set(target.key, next.markers);
      const words = next.changed === 1 ? '1 row is' : `${next.changed} rows are`;
      return {
        ok: true,
        changed: next.changed,
        message: `${words} shown as synchronized until the issue or the document's total changes.`,
      };
    },

    async tieOut(target: SyncTarget, period: { from: string; to: string }): Promise<TieOutReply> {
      await settled(target.key);
      const work = await deps.buildPosting(target);
      const { expected, posted, held } = await work.engine.tieOutData();
      const lines = nameTieOut(tieOut(expected, posted, period), await work.entities());
      const inPeriod = held.filter((h) => h.date >= period.from && h.date <= period.to);
      return {
        ...period,
        lines,
        held: inPeriod.map(
          (h) => `The ${h.what}${h.amountCents === null ? '' : ` (${formatCents(h.amountCents)})`}: ${h.reason}.`,
        ),
      };
    },
  };
}

export type PostingService = ReturnType<typeof createPostingService>;
