/**
 * A transaction's Line array: each line's detail checked and its references resolved, amounts in
 * cents, line Ids assigned. JournalEntry lines post Debit or Credit to an account (A/R needs a
 * customer, A/P a vendor); Bill and VendorCredit lines are account-based expense lines.
 */
import type { TransactionEntity } from '../../entities/catalog';
import { faults, type QboError } from '../../errors';
import type { QboObject } from '../../store/table';
import { trackingRefusal } from '../pref-gates';
import type { WriteContext } from '../writes';
import { fromCents, toCents } from './amounts';
import { resolveOptional, resolveRef } from './refs';

export interface PreparedLines {
  lines: QboObject[];
  debitCents: number;
  creditCents: number;
  totalCents: number;
}
export type LinesResult = { ok: true; value: PreparedLines } | { ok: false; error: QboError };

const JOURNAL = 'JournalEntryLineDetail';
const EXPENSE = 'AccountBasedExpenseLineDetail';
const ITEM_EXPENSE = 'ItemBasedExpenseLineDetail';
const DESCRIPTION = 'DescriptionOnly';
const ENTITY_TYPES = new Set(['Customer', 'Vendor', 'Employee']);
// QBO's UI words for the A/R and A/P rules of Intuit's JournalEntry reference; the API's are not captured.
const NAME_RULES: Record<string, { entity: string; detail: string }> = {
  'Accounts Receivable': {
    entity: 'Customer',
    detail: 'When you use Accounts Receivable, you must choose a customer in the Name field.',
  },
  'Accounts Payable': {
    entity: 'Vendor',
    detail: 'When you use Accounts Payable, you must choose a vendor in the Name field.',
  },
};

const isObject = (v: unknown): v is QboObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Class and location on a line or header: resolved, and refused while the company does not track them. */
export function resolveTracking(ctx: WriteContext, holder: QboObject): QboError | undefined {
  for (const [field, list] of [
    ['ClassRef', 'Class'],
    ['DepartmentRef', 'Department'],
  ] as const) {
    if (holder[field] === undefined || holder[field] === null) continue;
    const refusal = trackingRefusal(ctx.realm, ctx.switches, list);
    if (refusal) return refusal;
    const { error } = resolveOptional(ctx, holder, field, list);
    if (error) return error;
  }
  return undefined;
}

function journalDetail(ctx: WriteContext, detail: QboObject): QboError | 'Debit' | 'Credit' {
  const posting = detail.PostingType;
  if (posting === undefined || posting === null || posting === '') return faults.missingPostingType();
  if (posting !== 'Debit' && posting !== 'Credit') return faults.invalidEnum('PostingType', String(posting));
  if (detail.AccountRef === undefined || detail.AccountRef === null) return faults.required('AccountRef');
  const account = resolveRef(ctx, 'Account', detail.AccountRef, 'AccountRef');
  if (!account.ok) return account.error;
  detail.AccountRef = account.ref;
  let entityType: string | undefined;
  if (isObject(detail.Entity)) {
    entityType = String(detail.Entity.Type ?? '');
    if (!ENTITY_TYPES.has(entityType)) return faults.invalidEnum('Entity.Type', entityType);
    const target = entityType as 'Customer' | 'Vendor' | 'Employee';
    const entity = resolveRef(ctx, target, detail.Entity.EntityRef, 'EntityRef');
    if (!entity.ok) return entity.error;
    detail.Entity = { ...detail.Entity, Type: entityType, EntityRef: entity.ref };
  }
  const rule = NAME_RULES[String(account.record.data.AccountType)];
  if (rule && entityType !== rule.entity) return faults.business(rule.detail);
  return resolveTracking(ctx, detail) ?? posting;
}

function expenseDetail(ctx: WriteContext, detail: QboObject): QboError | undefined {
  if (detail.AccountRef === undefined || detail.AccountRef === null) return faults.required('AccountRef');
  const account = resolveRef(ctx, 'Account', detail.AccountRef, 'AccountRef');
  if (!account.ok) return account.error;
  detail.AccountRef = account.ref;
  const customer = resolveOptional(ctx, detail, 'CustomerRef', 'Customer');
  if (customer.error) return customer.error;
  detail.BillableStatus ??= 'NotBillable';
  return resolveTracking(ctx, detail);
}

function detailTypeOf(line: QboObject, allowed: string): string | QboError {
  const given = line.DetailType;
  if (typeof given === 'string' && given !== '') return given;
  // A line without DetailType is read by the detail object it carries.
  const carried = [allowed, ITEM_EXPENSE, DESCRIPTION].find((key) => isObject(line[key]));
  return carried ?? faults.required('DetailType');
}

export function prepareLines(ctx: WriteContext, type: TransactionEntity, raw: unknown): LinesResult {
  const fail = (error: QboError): LinesResult => ({ ok: false, error });
  if (raw === undefined || raw === null) return fail(faults.required('Line'));
  if (!Array.isArray(raw)) return fail(faults.badRequest('Error parsing object: Line must be an array'));
  if (raw.length === 0) return fail(faults.missingLines());
  const allowed = type === 'JournalEntry' ? JOURNAL : EXPENSE;
  const out: PreparedLines = { lines: [], debitCents: 0, creditCents: 0, totalCents: 0 };
  for (const [index, item] of raw.entries()) {
    if (!isObject(item)) return fail(faults.badRequest('Error parsing object: each Line must be an object'));
    const detailType = detailTypeOf(item, allowed);
    if (typeof detailType !== 'string') return fail(detailType);
    if (detailType === ITEM_EXPENSE && type !== 'JournalEntry')
      return fail(faults.unsupported('ItemBasedExpenseLineDetail lines are not supported by this sandbox.'));
    if (detailType !== allowed && detailType !== DESCRIPTION) return fail(faults.invalidEnum('DetailType', detailType));
    const line: QboObject = {
      ...item,
      DetailType: detailType,
      Id: String(type === 'JournalEntry' ? index : index + 1),
    };
    if (detailType === DESCRIPTION) {
      out.lines.push(line);
      continue;
    }
    if (!isObject(item[detailType])) return fail(faults.required(detailType));
    const detail: QboObject = { ...(item[detailType] as QboObject) };
    if (item.Amount === undefined || item.Amount === null) return fail(faults.required('Amount'));
    const cents = toCents(item.Amount);
    if (cents === undefined)
      return fail(faults.badRequest(`Error parsing object: Amount is not a number: ${String(item.Amount)}`));
    if (cents < 0) return fail(faults.negativeAmount(String(item.Amount)));
    const checked = type === 'JournalEntry' ? journalDetail(ctx, detail) : expenseDetail(ctx, detail);
    if (typeof checked === 'object') return fail(checked);
    if (checked === 'Debit') out.debitCents += cents;
    if (checked === 'Credit') out.creditCents += cents;
    out.totalCents += cents;
    out.lines.push({ ...line, Amount: fromCents(cents), [detailType]: detail });
  }
  return { ok: true, value: out };
}
