/**
 * Absence is not evidence. A read can answer 200 and still leave records out (a short page, an
 * empty `QueryResponse`, a cursor that ends early), so a linked record missing from the mirror is
 * asked for by id before anything is planned from its absence. Found: it goes back into the
 * mirror, and the lying read harms nothing. Answered "not found": its absence is confirmed. No
 * answer, or a record that still exists but left what we read: the link is kept, and the row
 * says why.
 */
import type { Side } from '../entities';
import { inParallel } from './in-parallel';
import type { MirrorData, SyncPorts } from './ports';
import type { AnyRecord, Link } from './types';
import { linkKey } from './types';
import { csoList, putCso, putQbo, qboList, type World } from './world';

export type AbsenceVerdict =
  /** The side answered "not found" for the id: gone. */
  | { kind: 'gone'; side: Side }
  /** The side did not answer (network, throttling, 5xx): nothing is planned from the absence. */
  | { kind: 'unconfirmed'; side: Side; reason: string }
  /** The record exists but is no longer one we synchronize (an Item no longer of type Service). */
  | { kind: 'leftScope'; side: Side; reason: string };

/** Verdicts by link key (`csoType:csoId`); a link whose records were both read has none. */
export type AbsenceVerdicts = ReadonlyMap<string, AbsenceVerdict>;

/** Thrown by a source's `get` for a record that exists but falls outside what the engine reads. */
export class RecordLeftScopeError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RecordLeftScopeError';
  }
}

/** How many look-ups run at once: a handful, well inside QBO's throttle and CStoreOffice's. */
const PARALLEL = 4;

export async function confirmAbsences(
  ports: Pick<SyncPorts, 'cso' | 'qbo' | 'state'>,
  mirror: MirrorData,
  world: World,
): Promise<AbsenceVerdicts> {
  const verdicts = new Map<string, AbsenceVerdict>();
  const asks: { link: Link; side: Side }[] = [];
  for (const link of world.links.values()) {
    if (!csoList(world, link.csoType).has(link.csoId)) asks.push({ link, side: 'cso' });
    else if (!qboList(world, link.qboEntity).has(link.qboId)) asks.push({ link, side: 'qbo' });
  }
  await inParallel(asks, PARALLEL, async ({ link, side }) => {
    const verdict = await ask(ports, mirror, world, link, side);
    if (verdict) verdicts.set(linkKey(link.csoType, link.csoId), verdict);
  });
  return verdicts;
}

async function ask(
  ports: Pick<SyncPorts, 'cso' | 'qbo' | 'state'>,
  mirror: MirrorData,
  world: World,
  link: Link,
  side: Side,
): Promise<AbsenceVerdict | null> {
  const list = side === 'cso' ? link.csoType : link.qboEntity;
  const id = side === 'cso' ? link.csoId : link.qboId;
  try {
    const found = side === 'cso' ? await ports.cso.get(link.csoType, id) : await ports.qbo.get(link.qboEntity, id);
    if (!found) return { kind: 'gone', side };
    // The read left it out, but it is there: back into the mirror and the world, as the read should have had it.
    const record = found as AnyRecord;
    const lists = mirror[side] as Partial<Record<string, AnyRecord[]>>;
    (lists[list] ??= []).push(record);
    if (side === 'cso') putCso(world, link.csoType, record);
    else putQbo(world, link.qboEntity, record);
    await ports.state.putRecords(side, list, [record]);
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return error instanceof RecordLeftScopeError
      ? { kind: 'leftScope', side, reason }
      : { kind: 'unconfirmed', side, reason };
  }
}
