/**
 * Moving a value from one side's terms to the other's. Plain fields pass unchanged; fields naming
 * another record (parent, credit account) go through that record's link. A data type without a
 * credit account uses the configured default income account in QBO, and that account reads back
 * as "none" in CStoreOffice when it is not linked itself.
 */
import type { EntityTypeId, Side } from '../entities';
import { refType } from './fields';
import type { FieldValue, PlanValue } from './types';
import { isLive, linkOfSide, qboIdFor, type World } from './world';

export interface TranslateOptions {
  /** QBO Id of the income account a data type without a linked credit account posts to. */
  defaultIncomeAccountId: string | null;
}

/** A CStoreOffice value in QBO terms; undefined when the record it names has no link yet. */
export function toQboValue(
  world: World,
  options: TranslateOptions,
  typeId: EntityTypeId,
  field: string,
  value: FieldValue,
): FieldValue | undefined {
  const target = refType(typeId, field);
  if (!target) return value;
  if (value === null) return isCreditAccount(typeId, field) ? options.defaultIncomeAccountId : null;
  return qboIdFor(world, target, String(value));
}

/**
 * The value an op carries: a ref for fields naming a record on the source side (resolved when the
 * op is sent, since that record may be created earlier in the same run), the plain value otherwise.
 */
export function planValue(
  options: TranslateOptions,
  typeId: EntityTypeId,
  field: string,
  value: FieldValue,
  from: Side,
  world: World,
): PlanValue {
  const target = refType(typeId, field);
  if (!target) return value;
  if (value === null) return from === 'cso' && isCreditAccount(typeId, field) ? options.defaultIncomeAccountId : null;
  if (
    from === 'qbo' &&
    isCreditAccount(typeId, field) &&
    value === options.defaultIncomeAccountId &&
    !linkedToLiveCso(world, target, String(value))
  ) {
    return null;
  }
  return { ref: { typeId: target, side: from, id: String(value) } };
}

/** A link whose CStoreOffice record was deleted links nothing a new record could point to. */
function linkedToLiveCso(world: World, typeId: EntityTypeId, qboId: string): boolean {
  const link = linkOfSide(world, 'qbo', typeId, qboId);
  return link !== undefined && isLive(world, link);
}

function isCreditAccount(typeId: EntityTypeId, field: string): boolean {
  return typeId === 'dataType' && field === 'creditAccountId';
}
