/**
 * The ops of one matched pair: the link (when its snapshots change) and an update toward each side
 * that has something to receive (a deactivation in QBO is `active: false` for CStoreOffice).
 */
import { isVendorType } from '../../../lib/sync/fields';
import type { OpBook } from './plan-op-book';
import { distinct } from './plan-op-book';
import type { PairWork } from './plan-pairs';
import { NO_DEPS, NO_VALUES } from './plan-types';
import { addPending } from './rows';
import type { RecordValues } from '../../../lib/sync/types';

export function emitPair(book: OpBook, work: PairWork): void {
  const { pair } = work;
  const { typeId } = pair;
  const { row } = work;
  if (row.status === 'error') return;
  // The link op's id, made once: the updates below wait for it.
  const linkId = work.refresh ? `link:${row.key}` : '';
  // Most pairs only store their link: no list of prerequisites, no bases, when nothing is sent.
  const sends = work.toQbo.length > 0 || work.toCso.length > 0;
  const deps: string[] = !sends ? NO_DEPS : work.refresh ? [linkId] : [];
  const qboBasis = work.toQbo.length ? subset(work.csoValues, work.toQbo) : NO_VALUES;
  const csoBasis = work.toCso.length ? subset(work.qboValues, work.toCso) : NO_VALUES;
  const toQbo = book.valuesFor(typeId, work.toQbo, qboBasis, 'cso', deps);
  const toCso = book.valuesFor(typeId, work.toCso, csoBasis, 'qbo', deps);
  const blocked = toQbo.blocked ?? toCso.blocked;
  if (blocked) return book.block(row, blocked, typeId, pair.cso.id, pair.qbo.id);
  // One list of the row's key for all of the pair's ops: nothing adds rows to a pair's ops.
  const rowKeys = [row.key];
  if (work.refresh) {
    // Waited for by this pair's updates, and by the records naming this one (a producer).
    book.addOp(
      { id: linkId, kind: 'link', typeId, csoId: pair.cso.id, qboId: pair.qbo.id, snapshots: work.base, rowKeys },
      row,
      sends || book.producers.wanted(typeId),
    );
  }
  if (work.toQbo.length) {
    book.addOp(
      {
        id: `update-qbo:${row.key}`,
        kind: 'update',
        target: 'qbo',
        typeId,
        csoId: pair.cso.id,
        qboId: pair.qbo.id,
        values: toQbo.values!,
        basis: qboBasis,
        csoRefs: [{ typeId, csoId: pair.cso.id, basis: qboBasis }],
        dependsOn: distinct(deps),
        rowKeys,
      },
      row,
      isVendorType(typeId),
    );
    addPending(row, 'waitingForUpdate', 'qbo');
  }
  if (work.toCso.length) {
    // Values another vendor kind sends to the shared QBO vendor arrive here only after it was sent:
    // when that write cannot be made, this one waits too (never a name QBO does not hold).
    const csoDeps = [...deps, ...work.receivedFrom.map((key) => `update-qbo:${key}`)];
    book.addOp(
      {
        id: `update-cso:${row.key}`,
        kind: 'update',
        target: 'cso',
        typeId,
        csoId: pair.cso.id,
        qboId: pair.qbo.id,
        values: toCso.values!,
        basis: csoBasis,
        dependsOn: distinct(csoDeps),
        rowKeys,
      },
      row,
      false,
    );
    // A deactivation is shown as what it is for the user: a (reversible) deletion on that side.
    addPending(row, toCso.values!.active === false ? 'waitingForDeletion' : 'waitingForUpdate', 'cso');
  }
}

function subset(values: RecordValues, fields: string[]): RecordValues {
  const out: RecordValues = {};
  for (const f of fields) out[f] = values[f] ?? null;
  return out;
}
