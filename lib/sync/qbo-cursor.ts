/**
 * Moving the QBO cursor past a run's own writes without losing anyone else's changes.
 *
 * The read takes the cursor before the run writes, so the next CDC answers with every record the
 * run wrote as well as whatever others changed meanwhile. That is right, but CDC answers at most
 * 1000 objects: past that the client falls back to one request per entity and paged queries, so an
 * idle sync after a large run would cost some twenty requests instead of one.
 *
 * Instead, whenever our writes at or after the cursor would pass `limit`, one CDC since the cursor
 * is read between two batches (a checkpoint). It holds fewer than 1000 objects, so it is one
 * request, and its answer time (QBO's clock) becomes the cursor. Nothing is skipped: CDC includes
 * `changedSince`, each checkpoint starts where the previous one's answer ended, and the tail after
 * the last checkpoint is what the next sync reads (at most about `limit` of our writes, one request).
 * Our writes are counted by the time QBO gave them (LastUpdatedTime): a checkpoint is read only when
 * QBO's clock has moved since the oldest write counted, since otherwise the new cursor could not pass
 * any of them (a frozen test clock, or a burst within one second). The count only decides when a
 * checkpoint pays off; correctness rests on the windows being contiguous.
 *
 * A checkpoint's records equal to what this run holds (same revision: our own writes) are dropped.
 * The others are someone else's changes made during the run; they are kept aside and applied after
 * the run, so a later write in this run still carries the revision it planned with (QBO then
 * refuses it as stale instead of silently overwriting the other person's change). A record the run
 * wrote or re-read after the checkpoint already holds something newer and keeps it. The cursor is
 * stored only together with those records, after the run: a run that dies keeps the old cursor,
 * which costs requests next time but loses nothing.
 */
import type { QboEntityName } from '../entities';
import type { MirrorData, SyncPorts, WriteResult } from './ports';
import { mergeReserved } from './read';
import type { AnyRecord, ReservedName } from './types';
import { putQbo, qboList, type World } from './world';

/** Writes since the cursor before a checkpoint: leaves room under CDC's 1000 for others' changes. */
const QBO_WRITES_PER_CHECKPOINT = 900;

/** What the executor tells about its QBO batches. */
export interface QboWriteWatch {
  /** Before a batch of `count` writes goes to QBO: reads a checkpoint first when one is due. */
  beforeWrite(count: number): Promise<void>;
  /** The batch's results: their QBO times are what the next CDC will include. */
  afterWrite(results: readonly WriteResult[]): void;
}

export interface QboCheckpoints extends QboWriteWatch {
  /**
   * After the run: applies what others changed during it, then stores the newest cursor. True when
   * that changed the world (a plan made before it is out of date).
   */
  commit(): Promise<boolean>;
}

interface Foreign {
  entity: QboEntityName;
  id: string;
  /** The changed record, or null when it was removed. */
  record: AnyRecord | null;
  /** The revision this run held when the checkpoint saw the change (null: it held none). */
  seen: string | null;
}

export function createQboCheckpoints(
  ports: SyncPorts,
  mirror: MirrorData,
  world: World,
  limit = QBO_WRITES_PER_CHECKPOINT,
): QboCheckpoints {
  let cursor = mirror.cursors.qbo?.value ?? null;
  /** QBO times (ms) of this run's writes not known to be before the cursor; NaN when unknown. */
  let times: number[] = [];
  let moved = false;
  const foreign = new Map<string, Foreign>();
  const reserved: ReservedName[] = [];
  const held = (entity: QboEntityName, id: string) => qboList(world, entity).get(id)?.revision ?? null;

  async function checkpoint(since: string): Promise<void> {
    const read = await ports.qbo.read({ since });
    for (const [entity, records] of Object.entries(read.records) as [QboEntityName, AnyRecord[] | undefined][]) {
      for (const record of records ?? []) {
        const seen = held(entity, record.id);
        const key = `${entity}:${record.id}`;
        if (seen === record.revision || foreign.get(key)?.record?.revision === record.revision) continue;
        foreign.set(key, { entity, id: record.id, record, seen });
      }
    }
    for (const [entity, ids] of Object.entries(read.removed) as [QboEntityName, string[] | undefined][]) {
      for (const id of ids ?? []) foreign.set(`${entity}:${id}`, { entity, id, record: null, seen: held(entity, id) });
    }
    reserved.push(...(read.reserved ?? []));
    cursor = read.cursor;
    const from = Date.parse(cursor);
    times = times.filter((t) => !(t < from));
    moved = true;
  }

  /** Some counted write is older than the newest one: a checkpoint now moves the cursor past it. */
  const clockMoved = () => {
    let min = Infinity;
    let max = -Infinity;
    for (const t of times) {
      if (Number.isNaN(t)) return false;
      if (t < min) min = t;
      if (t > max) max = t;
    }
    return min < max;
  };

  return {
    async beforeWrite(count) {
      if (cursor !== null && times.length + count > limit && times.length <= limit && clockMoved())
        await checkpoint(cursor);
    },

    afterWrite(results) {
      for (const r of results)
        if (r.ok && r.record) times.push(r.record.updatedAt ? Date.parse(r.record.updatedAt) : NaN);
    },

    async commit() {
      if (!moved || cursor === null) return false;
      const put = new Map<QboEntityName, AnyRecord[]>();
      const removed = new Map<QboEntityName, string[]>();
      for (const change of foreign.values()) {
        // Written or re-read by this run after the checkpoint: what the run holds is newer.
        if (held(change.entity, change.id) !== change.seen) continue;
        if (change.record) {
          putQbo(world, change.entity, change.record);
          (put.get(change.entity) ?? put.set(change.entity, []).get(change.entity)!).push(change.record);
        } else {
          qboList(world, change.entity).delete(change.id);
          (removed.get(change.entity) ?? removed.set(change.entity, []).get(change.entity)!).push(change.id);
        }
      }
      for (const [entity, records] of put) await ports.state.putRecords('qbo', entity, records);
      for (const [entity, ids] of removed) await ports.state.removeRecords('qbo', entity, ids);
      if (reserved.length) {
        mirror.reserved = mergeReserved(mirror.reserved, reserved);
        world.reserved = [...mirror.reserved];
        await ports.state.putReserved(reserved);
      }
      const next = { value: cursor, takenAt: ports.clock.now().toISOString() };
      mirror.cursors.qbo = next;
      await ports.state.setCursor('qbo', next);
      return put.size > 0 || removed.size > 0 || reserved.length > 0;
    },
  };
}
