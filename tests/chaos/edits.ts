/**
 * What "people" do to both companies while the extension syncs: creates, renames and deletions in
 * CStoreOffice (through the sandbox's control API, as its pages would) and in QBO (through the API
 * with a token of its own, as QBO's pages would). Edits are chosen by a seeded generator from the
 * rows the last converged run left, sorted by type and name, so two runs of one scenario that
 * agree so far make the same edits even though their record ids differ.
 */
import type { QboClient } from '@/lib/qbo';
import type { EntityTypeId } from '@/lib/entities';
import type { SyncRow } from '@/lib/sync';
import { csoControl, type Sandboxes } from '../integration/sync/harness';

export type Random = () => number;

/** Mulberry32, so a failing scenario is replayed from its printed seed. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Editable = Extract<EntityTypeId, 'customer' | 'accountingVendor' | 'class'>;
const SEGMENT: Record<Editable, string> = {
  customer: 'customers',
  accountingVendor: 'accounting-vendors',
  class: 'classes',
};
const QBO_ENTITY: Record<Editable, 'Customer' | 'Vendor' | 'Class'> = {
  customer: 'Customer',
  accountingVendor: 'Vendor',
  class: 'Class',
};
const EDITABLE = new Set<string>(Object.keys(SEGMENT));

export type Edit =
  | { side: 'cso'; op: 'create'; type: Editable; name: string }
  | { side: 'cso'; op: 'rename' | 'delete'; type: Editable; row: SyncRow; name?: string }
  | { side: 'qbo'; op: 'create'; type: Editable; name: string }
  | { side: 'qbo'; op: 'rename' | 'deactivate'; type: Editable; row: SyncRow; name?: string };

export function describeEdit(e: Edit): string {
  const what = 'row' in e ? `“${e.row.name}”` : '';
  const to = e.name !== undefined ? ` “${e.name}”` : '';
  return `${e.side} ${e.op} ${e.type} ${what}${to}`.replace(/ +/g, ' ').trim();
}

const pick = <T>(random: Random, list: T[]): T | undefined =>
  list.length ? list.splice(Math.floor(random() * list.length), 1)[0] : undefined;
const leaf = (path: string) => path.split(':').pop()!;
const TYPES: Editable[] = ['customer', 'accountingVendor', 'class'];

/** Rows both sides agree on: safe to edit on one side without making a conflict. */
export function editableRows(rows: readonly SyncRow[]): SyncRow[] {
  return rows
    .filter((r) => EDITABLE.has(r.typeId) && r.status === 'synchronized' && r.csoId && r.qboId && !r.ignored)
    .sort((a, b) => `${a.typeId}|${a.name}`.localeCompare(`${b.typeId}|${b.name}`));
}

/**
 * `count` edits over distinct rows taken out of `pool`. The first two of a batch are a "twin":
 * the same new name created on both sides, which must end as one linked pair, not two records.
 */
export function chooseEdits(random: Random, pool: SyncRow[], count: number, tag: string): Edit[] {
  const edits: Edit[] = [];
  const name = (i: number, type: Editable) =>
    `Chaos ${tag}.${i} ${type === 'class' ? 'Dept' : type === 'customer' ? 'Client' : 'Supply'}`;
  for (let i = 0; edits.length < count; i += 1) {
    const roll = Math.floor(random() * 7);
    const type = TYPES[Math.floor(random() * TYPES.length)]!;
    if (i === 0 && count >= 2) {
      const twin = name(i, type === 'class' ? 'customer' : type);
      edits.push(
        { side: 'cso', op: 'create', type: type === 'class' ? 'customer' : type, name: twin },
        { side: 'qbo', op: 'create', type: type === 'class' ? 'customer' : type, name: twin },
      );
      continue;
    }
    if (roll === 0) edits.push({ side: 'cso', op: 'create', type, name: name(i, type) });
    else if (roll === 1) edits.push({ side: 'qbo', op: 'create', type, name: name(i, type) });
    else {
      const row = pick(random, pool);
      if (!row) {
        edits.push({ side: 'cso', op: 'create', type, name: name(i, type) });
        continue;
      }
      const t = row.typeId as Editable;
      const renamed = `${leaf(row.name)} r${tag}.${i}`;
      const deletable = t !== 'class';
      if (roll === 2) edits.push({ side: 'cso', op: 'rename', type: t, row, name: renamed });
      else if (roll === 3) edits.push({ side: 'qbo', op: 'rename', type: t, row, name: renamed });
      else if (roll === 4 && deletable) edits.push({ side: 'cso', op: 'delete', type: t, row });
      else if (roll === 5 && deletable) edits.push({ side: 'qbo', op: 'deactivate', type: t, row });
      else edits.push({ side: roll % 2 ? 'cso' : 'qbo', op: 'rename', type: t, row, name: renamed });
    }
  }
  return edits.slice(0, Math.max(count, 2));
}

interface QboRaw {
  Id: string;
  SyncToken: string;
  Name?: string;
}

/** Carries out one edit; "refused" when the service said no (the same in every run of the scenario). */
export async function applyEdit(
  sb: Sandboxes,
  companyId: string,
  qbo: QboClient,
  edit: Edit,
  requestId: string,
): Promise<'done' | `refused: ${string}`> {
  try {
    if (edit.side === 'cso') {
      const base = `companies/${companyId}/${SEGMENT[edit.type]}`;
      if (edit.op === 'create') await csoControl(sb, base, { name: edit.name });
      else if (edit.op === 'rename') await csoControl(sb, `${base}/${edit.row.csoId}`, { name: edit.name }, 'PATCH');
      else {
        const res = await fetch(`${sb.cso.url}/__sandbox/${base}/${edit.row.csoId}`, { method: 'DELETE' });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
      }
      return 'done';
    }
    const entity = QBO_ENTITY[edit.type];
    const field = entity === 'Class' ? 'Name' : 'DisplayName';
    if (edit.op === 'create') {
      await qbo.create(entity, { [field]: edit.name }, { requestId });
      return 'done';
    }
    const current = (await qbo.read(entity, edit.row.qboId!)) as unknown as QboRaw;
    if (edit.op === 'rename') await qbo.update(entity, current, { [field]: edit.name }, { requestId });
    else await qbo.deactivate(entity, current, { requestId });
    return 'done';
  } catch (error) {
    return `refused: ${(error as Error).message.slice(0, 80)}`;
  }
}
