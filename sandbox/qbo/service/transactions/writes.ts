/**
 * Create, update and delete for JournalEntry, Bill and VendorCredit. Unlike name lists these are
 * really deleted (`?operation=delete`, then a CDC tombstone), and every write re-checks the whole
 * transaction: lines, balance, references, the books closing date and document numbers.
 */
import type { TransactionEntity } from '../../entities/catalog';
import { faults, type QboError } from '../../errors';
import type { QboObject, StoredRecord } from '../../store/table';
import { formatQboTime } from '../../time';
import { pickWritable, lengthError, unknownField } from '../validate';
import { createEntity, locate, type WriteContext, type WriteResult } from '../writes';
import { formatCents, fromCents } from './amounts';
import { closedPeriodError, dateError, duplicateDocNumberError } from './checks';
import { prepareLines, resolveTracking } from './lines';
import { refName, resolveRef } from './refs';

const fail = (error: QboError): WriteResult => ({ ok: false, error });
const AP = 'Accounts Payable';
const USD = { value: 'USD', name: 'United States Dollar' };

/**
 * The A/P account a Bill or VendorCredit credits when it names none: the company's first. QBO
 * creates the A/P account with the first A/P transaction (Intuit's JournalEntry reference), so
 * a company without one gets it here.
 */
function defaultPayables(ctx: WriteContext): StoredRecord | QboError {
  const existing = ctx.realm.tables.Account.all().find(
    (rec) => rec.data.AccountType === AP && rec.data.Active !== false,
  );
  if (existing) return existing;
  const created = createEntity(ctx, 'Account', {
    Name: 'Accounts Payable (A/P)',
    AccountType: AP,
    AccountSubType: 'AccountsPayable',
  });
  return created.ok ? created.record : created.error;
}

/** VendorRef, APAccountRef and DepartmentRef of a Bill or VendorCredit, resolved in place. */
function payableHeader(ctx: WriteContext, data: QboObject): QboError | undefined {
  if (data.VendorRef === undefined || data.VendorRef === null) return faults.required('VendorRef');
  const vendor = resolveRef(ctx, 'Vendor', data.VendorRef, 'VendorRef');
  if (!vendor.ok) return vendor.error;
  data.VendorRef = vendor.ref;
  if (data.APAccountRef !== undefined && data.APAccountRef !== null) {
    const account = resolveRef(ctx, 'Account', data.APAccountRef, 'APAccountRef');
    if (!account.ok) return account.error;
    if (account.record.data.AccountType !== AP)
      return faults.invalidAccountType(String(account.record.data.AccountType));
    data.APAccountRef = account.ref;
  }
  return resolveTracking(ctx, data);
}

/** Validates `data` in place and adds what QBO computes; `existing` is the record an update changes. */
function prepare(
  ctx: WriteContext,
  type: TransactionEntity,
  data: QboObject,
  existing?: StoredRecord,
): QboError | undefined {
  const lengths = lengthError(type, data);
  if (lengths) return lengths;
  data.TxnDate ??= formatQboTime(ctx.now, ctx.realm.offsetMinutes).slice(0, 10);
  const dates = dateError(data, ['TxnDate', 'DueDate']);
  if (dates) return dates;
  if (type !== 'JournalEntry') {
    const header = payableHeader(ctx, data);
    if (header) return header;
  }
  const lines = prepareLines(ctx, type, data.Line);
  if (!lines.ok) return lines.error;
  const { debitCents, creditCents, totalCents } = lines.value;
  if (type === 'JournalEntry' && debitCents !== creditCents)
    return faults.unbalanced(formatCents(debitCents), formatCents(creditCents));
  const closed = closedPeriodError(ctx, [data.TxnDate, existing?.data.TxnDate]);
  if (closed) return closed;
  const duplicate = duplicateDocNumberError(ctx, type, data, existing?.id);
  if (duplicate) return duplicate;
  data.Line = lines.value.lines;
  if (type !== 'JournalEntry' && (data.APAccountRef === undefined || data.APAccountRef === null)) {
    // Last, so that a refused transaction never leaves a new A/P account behind.
    const account = defaultPayables(ctx);
    if (!('id' in account)) return account;
    data.APAccountRef = { value: account.id, name: refName(account) };
  }
  if (type === 'JournalEntry') {
    data.Adjustment ??= false;
    // Intuit's reference: "The value of this field will always be set to zero" for journal entries.
    data.TotalAmt = 0;
  } else {
    data.CurrencyRef ??= USD;
    data.TotalAmt = fromCents(totalCents);
    // Nothing pays a bill or applies a credit in the sandbox, so the open balance is the total.
    data.Balance = fromCents(totalCents);
    if (type === 'Bill') data.DueDate ??= data.TxnDate;
  }
  return undefined;
}

export function createTransaction(ctx: WriteContext, type: TransactionEntity, body: QboObject): WriteResult {
  if (ctx.switches.rejectUnknownFields) {
    const unknown = unknownField(type, body);
    if (unknown) return fail(unknown);
  }
  const data = pickWritable(type, body);
  const error = prepare(ctx, type, data);
  if (error) return fail(error);
  const id = ctx.realm.nextId(type);
  const record: StoredRecord = {
    id,
    data: { ...data, Id: id, SyncToken: '0', domain: 'QBO', sparse: false },
    createdMs: ctx.now,
    updatedMs: ctx.now,
  };
  ctx.realm.tables[type].insert(record);
  return { ok: true, record };
}

/** Full update replaces every writable field (omitted ones are cleared); `sparse: true` keeps what it omits. */
export function updateTransaction(ctx: WriteContext, type: TransactionEntity, body: QboObject): WriteResult {
  if (ctx.switches.rejectUnknownFields) {
    const unknown = unknownField(type, body);
    if (unknown) return fail(unknown);
  }
  const found = locate(ctx, type, body);
  if (!found.record) return fail(found.error ?? faults.notFound());
  const existing = found.record;
  const data =
    body.sparse === true
      ? { ...pickWritable(type, existing.data), ...pickWritable(type, body) }
      : pickWritable(type, body);
  const error = prepare(ctx, type, data, existing);
  if (error) return fail(error);
  ctx.realm.tables[type].replace(existing, {
    ...data,
    Id: existing.id,
    SyncToken: String(Number(existing.data.SyncToken) + 1),
    domain: 'QBO',
    sparse: false,
  });
  existing.updatedMs = ctx.now;
  return { ok: true, record: existing };
}

/** `?operation=delete` with Id and SyncToken: the record goes, CDC reports it as Deleted. */
export function deleteTransaction(ctx: WriteContext, type: TransactionEntity, body: QboObject): WriteResult {
  const found = locate(ctx, type, body);
  if (!found.record) return fail(found.error ?? faults.notFound());
  const closed = closedPeriodError(ctx, [found.record.data.TxnDate]);
  if (closed) return fail(closed);
  ctx.realm.tables[type].remove(found.record.id);
  ctx.realm.tombstones.push({ type, id: found.record.id, deletedMs: ctx.now });
  return { ok: true, record: found.record };
}
