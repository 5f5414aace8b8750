/**
 * What a successful op changes in the engine's memory: the mirror of the written side, the links,
 * and the snapshots. A written field's snapshot becomes, on the source side, the value that was sent
 * (the op's basis) and, on the target side, the value the side echoed back, so the next diff sees
 * both sides as unchanged even when a side normalises what it stores.
 */
import { comparedFields, pickValues } from './fields';
import { snapshotOf } from './plan/pairs';
import type { SyncPorts } from './ports';
import type { AnyRecord, Link, PlanOp, RecordValues, SideRecord } from './types';
import { addLink, csoList, linkOf, putCso, putQbo, qboList, removeLink, type World } from './world';

export async function applySuccess(
  world: World,
  ports: SyncPorts,
  op: PlanOp,
  written: SideRecord | null,
  now: string,
): Promise<void> {
  const record = written as AnyRecord | null;
  const entity = op.qboEntity;
  if (record && op.target === 'qbo') {
    putQbo(world, entity, record);
    await ports.state.putRecords('qbo', entity, [record]);
  }
  if (record && op.target === 'cso') {
    putCso(world, op.typeId, record);
    await ports.state.putRecords('cso', op.typeId, [record]);
  }
  const changed: Link[] = [];
  const dropped: Link[] = [];
  switch (op.kind) {
    case 'link': {
      const { cso, qbo, resolution } = op.snapshots!;
      const link: Link = {
        csoType: op.typeId,
        csoId: op.csoId!,
        qboEntity: entity,
        qboId: op.qboId!,
        cso,
        qbo,
        ignoredIssue: null,
        linkedAt: now,
        ...(resolution ? { resolution } : {}),
      };
      changed.push(link);
      break;
    }
    case 'create':
      if (!record) break;
      if (op.target === 'qbo') {
        const qbo = snapshotOf(record.revision, pickValues(op.typeId, 'qbo', record));
        for (const ref of op.csoRefs) {
          const cso = csoList(world, ref.typeId).get(ref.csoId);
          changed.push({
            csoType: ref.typeId,
            csoId: ref.csoId,
            qboEntity: entity,
            qboId: record.id,
            cso: snapshotOf(cso?.revision ?? '', ref.basis),
            qbo,
            ignoredIssue: null,
            linkedAt: now,
          });
        }
      } else {
        changed.push({
          csoType: op.typeId,
          csoId: record.id,
          qboEntity: entity,
          qboId: op.qboId!,
          cso: snapshotOf(record.revision, pickValues(op.typeId, 'cso', record)),
          qbo: snapshotOf(op.basisRevision ?? '', op.basis),
          ignoredIssue: null,
          linkedAt: now,
        });
      }
      break;
    case 'update': {
      if (!record) break;
      if (op.target === 'qbo') {
        const echoed = pickValues(op.typeId, 'qbo', record);
        for (const ref of op.csoRefs) {
          const link = linkOf(world, ref.typeId, ref.csoId);
          if (!link) continue;
          changed.push({
            ...settled(link),
            cso: merge(link.cso.revision, link.cso.values, ref.basis),
            qbo: merge(
              record.revision,
              link.qbo.values,
              pickFields(echoed, Object.keys(ref.basis), comparedFields(op.typeId, 'qbo')),
            ),
            ignoredIssue: null,
          });
        }
      } else {
        const link = linkOf(world, op.typeId, op.csoId!);
        if (!link) break;
        const echoed = pickValues(op.typeId, 'cso', record);
        changed.push({
          ...settled(link),
          cso: merge(
            record.revision,
            link.cso.values,
            pickFields(echoed, Object.keys(op.values), comparedFields(op.typeId, 'cso')),
          ),
          qbo: merge(link.qbo.revision, link.qbo.values, op.basis),
          ignoredIssue: null,
        });
      }
      break;
    }
    case 'deactivate':
    case 'unlink':
      for (const ref of op.csoRefs) {
        const link = linkOf(world, ref.typeId, ref.csoId);
        if (link) dropped.push(link);
      }
      break;
    case 'delete': {
      const link = linkOf(world, op.typeId, op.csoId!);
      if (link) dropped.push(link);
      if (csoList(world, op.typeId).delete(op.csoId!)) world.keyCache.clear();
      await ports.state.removeRecords('cso', op.typeId, [op.csoId!]);
      break;
    }
  }
  for (const link of changed) addLink(world, link);
  for (const link of dropped) removeLink(world, link.csoType, link.csoId);
  if (changed.length) await ports.links.put(changed);
  if (dropped.length) await ports.links.remove(dropped.map((l) => ({ csoType: l.csoType, csoId: l.csoId })));
}

/** A written pair's user decision is carried out: it no longer steers the diff. */
function settled(link: Link): Link {
  const { resolution: _done, ...rest } = link;
  return rest;
}

function merge(revision: string, base: RecordValues, patch: RecordValues) {
  return snapshotOf(revision, { ...base, ...patch });
}

function pickFields(values: RecordValues, fields: string[], allowed: readonly string[]): RecordValues {
  const out: RecordValues = {};
  for (const f of fields) if (allowed.includes(f)) out[f] = values[f] ?? null;
  return out;
}

/** After a stale-write race: the record as the side holds it now (or its removal). */
export async function refreshRecord(world: World, ports: SyncPorts, op: PlanOp, takenBy?: string): Promise<void> {
  // A create refused for its name: the record that took it is read, so the next plan links it by name.
  const qboId = op.kind === 'create' ? takenBy : op.qboId;
  const csoId = op.kind === 'create' ? takenBy : op.csoId;
  if (op.target === 'qbo' && qboId) {
    const fresh = (await ports.qbo.get(op.qboEntity, qboId)) as AnyRecord | null;
    if (fresh) putQbo(world, op.qboEntity, fresh);
    else qboList(world, op.qboEntity).delete(qboId);
    if (fresh) await ports.state.putRecords('qbo', op.qboEntity, [fresh]);
    else await ports.state.removeRecords('qbo', op.qboEntity, [qboId]);
  }
  if (op.target === 'cso' && csoId) {
    const fresh = (await ports.cso.get(op.typeId, csoId)) as AnyRecord | null;
    if (fresh) putCso(world, op.typeId, fresh);
    else csoList(world, op.typeId).delete(csoId);
    if (fresh) await ports.state.putRecords('cso', op.typeId, [fresh]);
    else await ports.state.removeRecords('cso', op.typeId, [csoId]);
  }
  world.keyCache.clear();
}
