// Control routes for store days and vendor invoices (see ../README.md): load a generated month, and
// do what a store manager or auditor does in CStoreOffice's own forms: audit, reopen, correct a line,
// enter, correct or delete an invoice. Every change is a new version at the end of the change order.
import type { CsoApp, Ctx } from '../app';
import { docWire } from '../api/transaction-routes';
import { closeDay, editLine } from '../core/day-rules';
import type { StoredDoc } from '../core/transactions';
import { loadStoreMonth } from '../seed/store-month/load';
import { dayBookOf } from './day-book';
import { invoiceInput } from './invoice-input';
import { body, fail, ok, type ControlRoute } from './reply';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const transactionDump = (app: CsoApp, companyId: string) => ({
  auditDays: app.transactions.all(companyId, 'audit-days').map(docWire),
  vendorInvoices: app.transactions.all(companyId, 'vendor-invoices').map(docWire),
});

function companyOf(ctx: Ctx): string | undefined {
  const companyId = ctx.params.companyId ?? '';
  if (ctx.app.store.company(companyId)) return companyId;
  fail(ctx, 404, `No company ${companyId}.`);
  return undefined;
}

function dayOf(ctx: Ctx): { companyId: string; day: StoredDoc<'audit-days'> } | undefined {
  const companyId = companyOf(ctx);
  if (companyId === undefined) return undefined;
  const day = ctx.app.transactions.get(companyId, 'audit-days', ctx.params.dayId ?? '');
  if (!day) return void fail(ctx, 404, `No audit day ${ctx.params.dayId}.`);
  return { companyId, day };
}

function wholeNumber(value: unknown, fallback: number, min: number, max: number): number | undefined {
  const n = value === undefined ? fallback : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

const storeMonth: ControlRoute[2] = async (ctx) => {
  const companyId = companyOf(ctx);
  if (companyId === undefined) return;
  const b = await body(ctx);
  const stations = wholeNumber(b.stations, 2, 1, 50);
  const days = wholeNumber(b.days, 30, 1, 62);
  const seed = wholeNumber(b.seed, 1, 0, 2 ** 32 - 1);
  const startDate = b.startDate ?? '2025-10-01';
  if (stations === undefined || days === undefined || seed === undefined)
    return fail(ctx, 400, 'stations (1–50), days (1–62) and seed (0–2^32−1) must be whole numbers.');
  if (typeof startDate !== 'string' || !DATE.test(startDate) || Number.isNaN(Date.parse(startDate)))
    return fail(ctx, 400, 'startDate must be YYYY-MM-DD.');
  const result = loadStoreMonth(ctx.app, companyId, { stations, days, seed, startDate });
  if (!result.ok) return fail(ctx, result.status, result.message);
  ok(ctx, result, 201);
};

const audit: ControlRoute[2] = (ctx) => {
  const found = dayOf(ctx);
  if (!found) return;
  if (found.day.body.status === 'audited') return fail(ctx, 409, 'The day is already audited.');
  const book = dayBookOf(ctx.app.store, found.companyId);
  if (typeof book === 'string') return fail(ctx, 409, book);
  ok(ctx, docWire(ctx.app.transactions.change(found.day, closeDay(found.day.body, book))));
};

const reopen: ControlRoute[2] = (ctx) => {
  const found = dayOf(ctx);
  if (!found) return;
  if (found.day.body.status !== 'audited') return fail(ctx, 409, 'Only an audited day can be reopened.');
  ok(ctx, docWire(ctx.app.transactions.change(found.day, { ...found.day.body, status: 'reopened' })));
};

const correctLine: ControlRoute[2] = async (ctx) => {
  const found = dayOf(ctx);
  if (!found) return;
  // An audited day is closed for editing, as an audited period is: reopen it first.
  if (found.day.body.status === 'audited') return fail(ctx, 409, 'The day is audited; reopen it to correct it.');
  const amountCents = (await body(ctx)).amountCents;
  if (typeof amountCents !== 'number' || !Number.isSafeInteger(amountCents))
    return fail(ctx, 400, 'amountCents must be a whole number of cents.');
  const book = dayBookOf(ctx.app.store, found.companyId);
  if (typeof book === 'string') return fail(ctx, 409, book);
  const edited = editLine(found.day.body, ctx.params.lineId ?? '', amountCents, book);
  if (!edited.ok) return fail(ctx, 400, edited.message);
  ok(ctx, docWire(ctx.app.transactions.change(found.day, edited.day)));
};

const addInvoice: ControlRoute[2] = async (ctx) => {
  const companyId = companyOf(ctx);
  if (companyId === undefined) return;
  const input = invoiceInput(ctx.app.store, companyId, await body(ctx));
  if (typeof input === 'string') return fail(ctx, 422, input);
  ok(ctx, docWire(ctx.app.transactions.add(companyId, 'vendor-invoices', input)), 201);
};

// A correction made in the invoice form: the fields sent replace the stored ones (lines as a whole).
const changeInvoice: ControlRoute[2] = async (ctx) => {
  const companyId = companyOf(ctx);
  if (companyId === undefined) return;
  const invoice = ctx.app.transactions.get(companyId, 'vendor-invoices', ctx.params.invoiceId ?? '');
  if (!invoice) return fail(ctx, 404, `No vendor invoice ${ctx.params.invoiceId}.`);
  const input = invoiceInput(ctx.app.store, companyId, { ...invoice.body, ...(await body(ctx)) });
  if (typeof input === 'string') return fail(ctx, 422, input);
  ok(ctx, docWire(ctx.app.transactions.change(invoice, input)));
};

const deleteInvoice: ControlRoute[2] = (ctx) => {
  const companyId = companyOf(ctx);
  if (companyId === undefined) return;
  const invoice = ctx.app.transactions.get(companyId, 'vendor-invoices', ctx.params.invoiceId ?? '');
  if (!invoice) return fail(ctx, 404, `No vendor invoice ${ctx.params.invoiceId}.`);
  ctx.app.transactions.remove(invoice);
  ok(ctx, docWire(invoice));
};

export const TRANSACTION_CONTROL_ROUTES: ControlRoute[] = [
  ['POST', '/companies/:companyId/store-month', storeMonth],
  ['POST', '/companies/:companyId/audit-days/:dayId/audit', audit],
  ['POST', '/companies/:companyId/audit-days/:dayId/reopen', reopen],
  ['PATCH', '/companies/:companyId/audit-days/:dayId/lines/:lineId', correctLine],
  ['POST', '/companies/:companyId/vendor-invoices', addInvoice],
  ['PATCH', '/companies/:companyId/vendor-invoices/:invoiceId', changeInvoice],
  ['DELETE', '/companies/:companyId/vendor-invoices/:invoiceId', deleteInvoice],
];
