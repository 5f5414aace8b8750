/**
 * Two account rules change detection applies after comparing fields one by one:
 *
 * - The account type belongs to CStoreOffice once linked: a type changed on both sides goes to
 *   QBO (never a conflict that could copy QBO's type back); a type changed only in QBO still shows
 *   as a change toward CStoreOffice, which the planner refuses with words (plan/account-types.ts).
 * - QBO always holds a detail type; CStoreOffice may not. An empty CStoreOffice detail type is never
 *   sent (it takes QBO's instead), and a type sent to QBO takes CStoreOffice's detail type along when
 *   it has one (else QBO gets the new type's default, and QBO's old detail type, of the old type,
 *   does not travel back).
 */
import type { EntityTypeId } from '../entities';
import type { RecordValues } from './types';

interface Lists {
  toQbo: string[];
  toCso: string[];
  conflicts: string[];
}

const drop = (list: string[], field: string) => {
  const at = list.indexOf(field);
  if (at >= 0) list.splice(at, 1);
};

export function applyAccountRules(
  typeId: EntityTypeId,
  cso: RecordValues,
  qbo: RecordValues,
  diff: Lists,
  linked: boolean,
): void {
  if (typeId !== 'account') return;
  if (linked && diff.conflicts.includes('accountType')) {
    drop(diff.conflicts, 'accountType');
    diff.toQbo.push('accountType');
  }
  const typeToQbo = diff.toQbo.includes('accountType');
  const own = cso.detailType ?? null;
  if (own === null) {
    drop(diff.toQbo, 'detailType');
    drop(diff.conflicts, 'detailType');
    const theirs = qbo.detailType ?? null;
    if (!typeToQbo && theirs !== null && !diff.toCso.includes('detailType')) diff.toCso.push('detailType');
  } else if (typeToQbo && !diff.toQbo.includes('detailType')) {
    drop(diff.conflicts, 'detailType');
    diff.toQbo.push('detailType');
  }
  if (typeToQbo) drop(diff.toCso, 'detailType');
}
