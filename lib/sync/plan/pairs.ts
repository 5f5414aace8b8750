/**
 * Change detection for every matched pair, with the conflict policy applied. Pairs linked to one
 * QBO record (two vendor kinds sharing a vendor) are diffed against the QBO record as it will be
 * after all of their writes, so each learns the other's changes in the same run.
 */
import { diffPair, firstLinkDiff } from '../diff';
import type { Directions } from '../directions';
import type { QboCompanyPrefs } from '../qbo-company';
import { comparedFields, hashPicked, hashValues, isVendorType, pickValues, sharedFields } from '../fields';
import { fieldList, issues } from '../issues';
import type { Pair } from '../match';
import type { ConflictPolicy } from '../policy';
import { setStatus, type SyncRow } from '../rows';
import { toQboValue, type TranslateOptions } from '../translate';
import type { AnyRecord, FieldValue, LinkBase, RecordValues, Snapshot } from '../types';
import { csoKey, qboMatchKey, type World } from '../world';
import { fieldsQboRefuses, flowOf } from './flow';
import { type DirectedDiff, directDiff, holdBack } from './one-way';
import type { PairWork, RowBook } from './types';

export function snapshotOf(revision: string, values: RecordValues): Snapshot {
  return { revision, hash: hashValues(values), values };
}

/** The snapshots a first link (or a finished decision) stores: the picked values as they are. */
function currentBase(pair: Pair, cso: RecordValues, qbo: RecordValues): LinkBase {
  return {
    cso: { revision: pair.cso.revision, hash: hashPicked(pair.typeId, 'cso', cso), values: cso },
    qbo: { revision: pair.qbo.revision, hash: hashPicked(pair.typeId, 'qbo', qbo), values: qbo },
  };
}

export function analyzePairs(
  world: World,
  options: TranslateOptions & {
    policy: ConflictPolicy;
    directions?: Directions | undefined;
    qboPrefs?: QboCompanyPrefs | undefined;
  },
  pairs: Pair[],
  rows: RowBook,
): PairWork[] {
  const works: PairWork[] = [];
  // One translating function per type, not per pair.
  const translators = new Map<Pair['typeId'], (field: string, value: FieldValue) => FieldValue | undefined>();
  const toQbo = (typeId: Pair['typeId']) => {
    let translate = translators.get(typeId);
    if (!translate)
      translators.set(typeId, (translate = (field, value) => toQboValue(world, options, typeId, field, value)));
    return translate;
  };
  for (const pair of pairs) {
    const { typeId, link } = pair;
    const row = rows.ofCso(pair.cso)!;
    const csoValues = pickValues(typeId, 'cso', pair.cso);
    const qboValues = pickValues(typeId, 'qbo', pair.qbo);
    row.qboId = pair.qbo.id;
    if (
      link?.ignoredIssue &&
      rows.withHashes(row) &&
      link.ignoredIssue.csoHash === row.csoHash &&
      link.ignoredIssue.qboHash === row.qboHash
    ) {
      row.ignored = true;
      continue;
    }
    let base: LinkBase;
    let refresh = !link;
    let diff: DirectedDiff;
    const { direction } = flowOf(options, typeId);
    const unsent = fieldsQboRefuses(options, typeId);
    if (link) {
      base = { cso: link.cso, qbo: link.qbo };
      diff = directDiff(
        typeId,
        direction,
        diffPair({
          typeId,
          cso: csoValues,
          qbo: qboValues,
          base,
          toQbo: toQbo(typeId),
          keep: link.resolution?.keep,
        }),
        link.resolution?.keep === 'merge',
        qboValues,
      );
      // A decision with nothing left to write (or hold back) is done: the link goes back to plain snapshots.
      if (link.resolution && diff.toQbo.length === 0 && diff.toCso.length === 0 && diff.withheld.length === 0) {
        base = currentBase(pair, csoValues, qboValues);
        refresh = true;
      }
    } else if (alreadyEqual(typeId, csoValues, qboValues, toQbo(typeId))) {
      // Matched by name and equal in every field (the common case): the snapshots are the values.
      base = currentBase(pair, csoValues, qboValues);
      diff = { toQbo: [], toCso: [], agreed: [], conflicts: [], withheld: [] };
    } else {
      // Matched by name and different: the link stores the merge as a decision, so a write that
      // fails is merged the same way next run.
      base = { ...currentBase(pair, csoValues, qboValues), resolution: { keep: 'merge' } };
      const merge = firstLinkDiff({ typeId, cso: csoValues, qbo: qboValues, toQbo: toQbo(typeId) });
      diff = directDiff(typeId, direction, merge, true, qboValues);
    }
    const refused = unsent ? holdBack(diff, unsent.fields) : [];
    const work: PairWork = {
      pair,
      row,
      rowKey: row.key,
      csoKey: csoKey(world, typeId, pair.cso),
      qboKey: qboMatchKey(world, typeId, pair.qbo),
      fresh: !link,
      base,
      refresh,
      toQbo: diff.toQbo,
      toCso: diff.toCso,
      csoValues,
      qboValues,
      receivedFrom: [],
      withheld: diff.withheld,
      ...(refused.length > 0 && unsent ? { qboRefused: { fields: refused, why: unsent.why } } : {}),
    };
    if (!applyPolicy(work, diff, options.policy, row)) continue;
    if (diff.agreed.length) refreshAgreed(work, diff.agreed);
    works.push(work);
  }
  return mergeSharedQboWrites(works, world, options);
}

/** True when `firstLinkDiff` would write nothing: every shared field equal, no one-sided field set. */
function alreadyEqual(
  typeId: Pair['typeId'],
  cso: RecordValues,
  qbo: RecordValues,
  toQbo: (field: string, value: FieldValue) => FieldValue | undefined,
): boolean {
  for (const field of sharedFields(typeId)) if (toQbo(field, cso[field] ?? null) !== qbo[field]) return false;
  for (const field of comparedFields(typeId, 'cso')) if (!(field in qbo) && cso[field] !== null) return false;
  return true;
}

/** Returns false when the pair stays in Synchronization Error. */
function applyPolicy(work: PairWork, diff: DirectedDiff, policy: ConflictPolicy, row: SyncRow): boolean {
  if (diff.conflicts.length === 0) return true;
  const { pair } = work;
  const decision = policy({
    typeId: pair.typeId,
    fields: diff.conflicts,
    cso: { values: work.csoValues, updatedAt: pair.cso.updatedAt },
    qbo: { values: work.qboValues, updatedAt: pair.qbo.updatedAt },
  });
  if (decision === 'report') {
    const show = (values: RecordValues) =>
      diff.conflicts.map((f) => `${fieldList([f])} “${String(values[f] ?? '')}”`).join(', ');
    setStatus(row, 'error', null, issues.conflict(diff.conflicts, show(work.csoValues), show(work.qboValues)));
    return false;
  }
  if (decision === 'cso') work.toQbo.push(...diff.conflicts);
  else work.toCso.push(...diff.conflicts);
  return true;
}

function refreshAgreed(work: PairWork, fields: string[]): void {
  const cso = { ...work.base.cso.values };
  const qbo = { ...work.base.qbo.values };
  for (const f of fields) {
    cso[f] = work.csoValues[f] ?? null;
    qbo[f] = work.qboValues[f] ?? null;
  }
  work.base = { cso: snapshotOf(work.pair.cso.revision, cso), qbo: snapshotOf(work.pair.qbo.revision, qbo) };
  work.refresh = true;
}

/**
 * Two CStoreOffice vendors linked to one QBO vendor: what one sends to QBO, the other receives.
 * Their QBO values become the merged future values, and each also takes the fields the other sent.
 * When both send the same field with different values, neither may silently win: both rows become
 * a Synchronization Error naming the other vendor, and nothing is written for them.
 */
function mergeSharedQboWrites(works: PairWork[], world: World, options: TranslateOptions): PairWork[] {
  // By QBO record (one object per record in the world). Only vendors and linked pairs can share one:
  // matching by name gives a QBO record to one record of its type, and skips those a live link
  // holds; only the two vendor kinds share a QBO list.
  const groups = new Map<AnyRecord, PairWork[]>();
  for (const w of works) {
    if (w.pair.link === null && !isVendorType(w.pair.typeId)) continue;
    const group = groups.get(w.pair.qbo);
    if (group) group.push(w);
    else groups.set(w.pair.qbo, [w]);
  }
  const dropped = new Set<PairWork>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const sent = (w: PairWork, f: string) =>
      toQboValue(world, options, w.pair.typeId, f, w.csoValues[f] ?? null) ?? null;
    if (reportClashes(group, sent, dropped)) continue;
    const future: RecordValues = { ...group[0]!.qboValues };
    for (const w of group) {
      for (const f of w.toQbo) if (f in future) future[f] = sent(w, f);
    }
    for (const w of group) {
      for (const o of group) {
        if (o === w) continue;
        for (const f of o.toQbo) {
          if (!(f in future) || w.toQbo.includes(f) || w.toCso.includes(f) || future[f] === w.csoValues[f]) continue;
          w.toCso.push(f);
          if (!w.receivedFrom.includes(o.rowKey)) w.receivedFrom.push(o.rowKey);
        }
      }
      w.qboValues = future;
    }
  }
  return dropped.size ? works.filter((w) => !dropped.has(w)) : works;
}

/** Marks every pair of the group that sends a field another pair sends differently; true if any did. */
function reportClashes(
  group: PairWork[],
  sent: (w: PairWork, f: string) => FieldValue,
  dropped: Set<PairWork>,
): boolean {
  let clashed = false;
  for (const w of group) {
    for (const o of group) {
      if (o === w) continue;
      const fields = w.toQbo.filter((f) => o.toQbo.includes(f) && sent(w, f) !== sent(o, f));
      if (fields.length === 0) continue;
      setStatus(
        w.row,
        'error',
        null,
        issues.sharedConflict(
          fields,
          w.csoValues,
          { side: 'cso', typeId: o.pair.typeId, id: o.pair.cso.id, name: o.pair.cso.name },
          o.csoValues,
        ),
      );
      dropped.add(w);
      clashed = true;
      break;
    }
  }
  return clashed;
}
