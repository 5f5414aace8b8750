/**
 * Undo the last run that wrote. Each record it wrote goes back as it was, if nothing changed it
 * since (same revision): a deactivation is reactivated, updated fields get their old values, and a
 * record it created is removed (deleted in CStoreOffice; made inactive in QuickBooks, which has no
 * delete). The links keep the run's snapshots, so the next Synchronize sees the restored side as
 * the one that changed and copies it over: both systems end where they agreed before the run.
 * A record the run copied is then held, so it is not created again unless the user synchronizes
 * its row; a record changed since the run is left alone, and its row says so.
 */
import { type QboEntityName, SIDE_LABELS, type Side } from '../entities';
import { translateFailure } from './error-words';
import { inParallel } from './in-parallel';
import { clearHeldLinksOf } from './link-through';
import { what } from './issue-words';
import type { MirrorData, RowHold, SyncPorts, WriteOp } from './ports';
import { type AnyRecord, csoRowKey, type Link, linkKey, qboKey, type RunWrite, type SideRecord } from './types';
import { sendBatch } from './send-batch';

export interface UndoResult {
  counts: { reactivated: number; restored: number; removed: number };
  /** Writes left as they are, with the reason in words (also on their rows). */
  refused: { rowKey: string | null; name: string; detail: string }[];
}

export class UndoRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UndoRefusedError';
  }
}

/** Look-ups at once; the same handful as the absence checks. */
const PARALLEL = 4;

type Current = { record: SideRecord | null } | { error: string };
type Inverse = { write: RunWrite; op: WriteOp<string> };

export async function undoRun(
  ports: SyncPorts,
  mirror: MirrorData,
  runId: string,
  now: string,
  newId: () => string,
): Promise<UndoResult> {
  const log = mirror.undoLog;
  if (!log || log.runId !== runId)
    throw new UndoRefusedError('Only the last run that changed something can be undone, and this is not that run.');
  if (log.undone) throw new UndoRefusedError('This run was undone already.');
  // Last written first: a child created after its parent goes before it.
  const writes = [...log.writes].reverse();
  const current = await inParallel(writes, PARALLEL, (w) => readCurrent(ports, w));
  const result: UndoResult = { counts: { reactivated: 0, restored: 0, removed: 0 }, refused: [] };
  const holds: RowHold[] = [];
  const refuse = (w: RunWrite, reason: string) => {
    const keys = refusedRowKeys(w);
    const detail = `Undo left it as it is: ${reason}. Check it in ${SIDE_LABELS[w.side]}, then select this row and synchronize it, or use Ignore Issues.`;
    result.refused.push({ rowKey: keys[0] ?? null, name: w.name, detail });
    for (const rowKey of keys) holds.push({ rowKey, code: 'undoRefused', title: 'Not undone', detail, at: now });
  };
  const inverses: Inverse[] = [];
  writes.forEach((w, i) => {
    const found = current[i]!;
    if ('error' in found) return refuse(w, `${SIDE_LABELS[w.side]} did not answer when asked for it (${found.error})`);
    if (!found.record)
      return w.kind === 'create'
        ? void result.counts.removed++
        : refuse(w, `it no longer exists in ${SIDE_LABELS[w.side]}`);
    if (found.record.revision !== w.revision)
      return refuse(w, `it was changed in ${SIDE_LABELS[w.side]} after that run`);
    inverses.push({ write: w, op: inverseOf(w, found.record, newId()) });
  });

  const linksOf = linkLookup(inverses.some((i) => i.write.kind === 'create') ? await ports.links.all() : []);
  const removedLinks: { csoType: RunWrite['typeId']; csoId: string }[] = [];
  for (const batch of batches(inverses, { cso: ports.cso.batchSize, qbo: ports.qbo.batchSize })) {
    const side = batch[0]!.write.side;
    const answers = await sendBatch(
      ports,
      side,
      newId(),
      batch.map((b) => b.op),
    );
    for (const [i, { write }] of batch.entries()) {
      const answer = answers[i]!;
      if (!answer.ok) {
        refuse(
          write,
          translateFailure(answer.failure, { what: what(write.typeId), name: write.name, side }).detail.replace(
            /\.$/,
            '',
          ),
        );
        continue;
      }
      if (answer.record) await ports.state.putRecords(side, write.list, [answer.record as AnyRecord]);
      if (write.kind !== 'create') {
        result.counts[write.kind === 'deactivate' ? 'reactivated' : 'restored']++;
        continue;
      }
      result.counts.removed++;
      if (side === 'cso') await ports.state.removeRecords('cso', write.list, [write.id]);
      removedLinks.push(...linksOf(write));
      for (const rowKey of write.rowKeys)
        holds.push({
          rowKey,
          code: 'createUndone',
          title: 'Creation undone',
          detail: createUndoneWords(write),
          at: now,
        });
    }
  }
  if (removedLinks.length) await ports.links.remove(removedLinks);
  // CStoreOffice forgets them too, or the next read would link the undone records again.
  await clearHeldLinksOf(ports, removedLinks);
  const held = new Set(holds.map((h) => h.rowKey));
  const kept = (mirror.holds ?? []).filter((h) => !held.has(h.rowKey));
  await ports.state.setHolds([...kept, ...holds]);
  await ports.state.setUndoLog({ ...log, undone: { at: now } });
  return result;
}

async function readCurrent(ports: SyncPorts, w: RunWrite): Promise<Current> {
  try {
    const record =
      w.side === 'qbo' ? await ports.qbo.get(w.list as never, w.id) : await ports.cso.get(w.list as never, w.id);
    return { record };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function inverseOf(w: RunWrite, current: SideRecord, requestId: string): WriteOp<string> {
  const base = { requestId, list: w.list, id: w.id, revision: current.revision };
  if (w.kind === 'create') return w.side === 'cso' ? { kind: 'delete', ...base } : { kind: 'deactivate', ...base };
  return { kind: 'update', ...base, values: w.kind === 'deactivate' ? { active: true } : { ...w.before } };
}

/** Consecutive writes of one side, at most a batch each, in order. */
function batches(inverses: Inverse[], sizes: Record<Side, number>): Inverse[][] {
  const out: Inverse[][] = [];
  for (const inverse of inverses) {
    const last = out[out.length - 1];
    if (last && last[0]!.write.side === inverse.write.side && last.length < sizes[inverse.write.side])
      last.push(inverse);
    else out.push([inverse]);
  }
  return out;
}

/**
 * The links a removed record took part in (a QBO vendor may be shared by both vendor kinds), found
 * through an index built once: a run may have created thousands of records.
 */
function linkLookup(all: readonly Link[]): (w: RunWrite) => { csoType: RunWrite['typeId']; csoId: string }[] {
  const byRecord = new Map<string, Link[]>();
  const add = (key: string, link: Link) => byRecord.set(key, [...(byRecord.get(key) ?? []), link]);
  for (const link of all) {
    add(`cso:${linkKey(link.csoType, link.csoId)}`, link);
    add(`qbo:${qboKey(link.qboEntity, link.qboId)}`, link);
  }
  return (w) => {
    const key = w.side === 'cso' ? `cso:${linkKey(w.typeId, w.id)}` : `qbo:${qboKey(w.list as QboEntityName, w.id)}`;
    return (byRecord.get(key) ?? []).map((l) => ({ csoType: l.csoType, csoId: l.csoId }));
  };
}

/** The row that shows a write: a created CStoreOffice record's own row, else the op's rows. */
function refusedRowKeys(w: RunWrite): string[] {
  return w.kind === 'create' && w.side === 'cso' ? [csoRowKey(w.typeId, w.id)] : w.rowKeys;
}

function createUndoneWords(w: RunWrite): string {
  const where = SIDE_LABELS[w.side];
  const removed =
    w.side === 'cso'
      ? `deleted the ${what(w.typeId)} a run had created from it in ${where}`
      : `made the ${what(w.typeId)} a run had created from it in ${where} inactive (QuickBooks has no delete)`;
  return `Undo ${removed}. It is not created there again on its own: select this row and synchronize it when you want it in ${where} again.`;
}
