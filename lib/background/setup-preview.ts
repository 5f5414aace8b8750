/**
 * The first-sync setup's summary, from a preview's plan: per type, the records the first run would
 * create on each side (with the first names) and the pairs it would link. Counted from the same
 * plan ops Synchronize executes, so the setup says what the run does.
 */
import { ENTITY_TYPE_IDS, ENTITY_TYPES } from '@/lib/entities';
import type { CreatesView, SetupPreview, SetupTypeView } from '@/lib/messaging/setup-preview';
import type { SyncPlan, SyncRow } from '@/lib/sync';

/** Names shown per type and side; the count says how many more. */
const NAMES_SHOWN = 5;

export function toSetupPreview(result: { plan: SyncPlan; rows: readonly SyncRow[] }): SetupPreview {
  const names = new Map(result.rows.map((r) => [r.key, r.name]));
  const byType = new Map<string, SetupTypeView>();
  const entry = (typeId: SetupTypeView['typeId']): SetupTypeView => {
    let view = byType.get(typeId);
    if (!view) {
      view = { typeId, typeLabel: ENTITY_TYPES[typeId].label, toQbo: none(), toCso: none(), links: 0 };
      byType.set(typeId, view);
    }
    return view;
  };
  let creates = 0;
  for (const op of result.plan.ops) {
    if (op.kind === 'link') entry(op.typeId).links++;
    if (op.kind !== 'create' || !op.target) continue;
    creates++;
    const side = entry(op.typeId)[op.target === 'qbo' ? 'toQbo' : 'toCso'];
    side.count++;
    const name = names.get(op.rowKeys[0] ?? '');
    if (name && side.names.length < NAMES_SHOWN) side.names.push(name);
  }
  // In the catalog's order, the way the table's Type filter lists them.
  const ordered = ENTITY_TYPE_IDS.flatMap((id) => byType.get(id) ?? []);
  return { byType: ordered, creates };
}

const none = (): CreatesView => ({ count: 0, names: [] });
