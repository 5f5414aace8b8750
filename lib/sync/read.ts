/**
 * Reading both sides into the mirror: a delta since the stored cursor when there is one (QBO's CDC,
 * CStoreOffice's updatedSince with tombstones), a full read after Clear Sync History, on Reconnect,
 * or when the QBO cursor is older than CDC's 30-day look-back.
 */
import type { Side } from '../entities';
import type { Clock, MirrorData, ReadResult, StateStore, SyncPorts } from './ports';
import type { AnyRecord, Cursor, ReservedName } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ReadSidesOptions {
  /** QBO's CDC looks back at most 30 days; older cursors mean a full read (a margin is kept). */
  qboCursorMaxAgeDays: number;
}

export async function readSides(ports: SyncPorts, mirror: MirrorData, options: ReadSidesOptions): Promise<void> {
  const qboSince = usable(mirror.cursors.qbo, ports.clock, options.qboCursorMaxAgeDays);
  const csoSince = mirror.cursors.cso?.value ?? null;
  const [qbo, cso] = await Promise.all([ports.qbo.read({ since: qboSince }), ports.cso.read({ since: csoSince })]);
  await merge(ports.state, mirror, 'qbo', qbo as ReadResult<string>, ports.clock);
  await merge(ports.state, mirror, 'cso', cso as ReadResult<string>, ports.clock);
}

function usable(cursor: Cursor | null, clock: Clock, maxAgeDays: number): string | null {
  if (!cursor) return null;
  const age = clock.now().getTime() - Date.parse(cursor.takenAt);
  return Number.isFinite(age) && age < maxAgeDays * DAY_MS ? cursor.value : null;
}

async function merge(
  state: StateStore,
  mirror: MirrorData,
  side: Side,
  read: ReadResult<string>,
  clock: Clock,
): Promise<void> {
  const lists = mirror[side] as Partial<Record<string, AnyRecord[]>>;
  if (read.full) {
    for (const key of Object.keys(lists)) delete lists[key];
    for (const [list, records] of Object.entries(read.records)) lists[list] = (records ?? []) as AnyRecord[];
    if (side === 'qbo') mirror.reserved = [...(read.reserved ?? [])];
    await state.replaceSide(side, lists, side === 'qbo' ? mirror.reserved : undefined);
  } else {
    const touched = new Set([...Object.keys(read.records), ...Object.keys(read.removed)]);
    for (const list of touched) {
      const byId = new Map((lists[list] ?? []).map((r) => [r.id, r]));
      const put = (read.records[list] ?? []) as AnyRecord[];
      const removed = read.removed[list] ?? [];
      for (const r of put) byId.set(r.id, r);
      for (const id of removed) byId.delete(id);
      lists[list] = [...byId.values()];
      if (put.length) await state.putRecords(side, list, put);
      if (removed.length) await state.removeRecords(side, list, removed);
    }
    if (side === 'qbo' && read.reserved?.length) {
      mirror.reserved = mergeReserved(mirror.reserved, read.reserved);
      await state.putReserved(read.reserved);
    }
  }
  const cursor: Cursor = { value: read.cursor, takenAt: clock.now().toISOString() };
  mirror.cursors[side] = cursor;
  await state.setCursor(side, cursor);
}

export function mergeReserved(current: ReservedName[], changed: ReservedName[]): ReservedName[] {
  const key = (r: ReservedName) => `${r.entity}:${r.id}`;
  const byKey = new Map(current.map((r) => [key(r), r]));
  for (const r of changed) byKey.set(key(r), r);
  return [...byKey.values()];
}
