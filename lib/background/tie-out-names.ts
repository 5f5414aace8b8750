/**
 * The tie-out's lines by name: QuickBooks ids mapped back through the entity sync's links to the
 * CStoreOffice record each belongs to. An id no link leads to is shown as the id itself.
 */
import type { EntityTypeId } from '@/lib/entities';
import type { TieOutRow } from '@/lib/messaging/transactions';
import type { TieOutLine } from '@/lib/posting/tie-out';
import type { EntityView } from '@/lib/sync';

function namesByQboId(view: EntityView, type: EntityTypeId): Map<string, string> {
  const names = new Map<string, string>();
  for (const record of view.records(type)) {
    const qboId = view.qboIdOf(type, record.id);
    if (qboId) names.set(qboId, record.name);
  }
  return names;
}

export function nameTieOut(lines: readonly TieOutLine[], view: EntityView): TieOutRow[] {
  const accounts = namesByQboId(view, 'account');
  const classes = namesByQboId(view, 'class');
  const locations = namesByQboId(view, 'location');
  const named = (names: Map<string, string>, id: string | null) => (id === null ? null : (names.get(id) ?? id));
  return lines.map((line) => ({
    account: named(accounts, line.accountId)!,
    className: named(classes, line.classId),
    location: named(locations, line.departmentId),
    csoCents: line.csoCents,
    qboCents: line.qboCents,
    differenceCents: line.differenceCents,
  }));
}
