// Contract v1.4: a company's audit days and vendor invoices, read-only, under
// /api/qbo-sync/v1/companies/{companyId}/audit-days and /vendor-invoices. Added before the entity
// routes, whose `:segment` would otherwise read them as entity types (as a v1.3 server does: 404).
import { sendJson, type Router } from '../../common';
import { transactionsServed, type Ctx, type Handler } from '../app';
import { TRANSACTION_KINDS, type StoredDoc, type TransactionKind } from '../core/transactions';
import { listQuery, sendPage, TOMBSTONE_RETENTION_MS } from './list-page';
import { companyScope, JSON_TYPE } from './request';
import { sendError } from './wire';

/** The company, when this server serves v1.4; an older one reads the path as an unknown entity type. */
function scope(ctx: Ctx, kind: TransactionKind): { companyId: string } | undefined {
  const s = companyScope(ctx);
  if (s && !transactionsServed(ctx.app))
    return void sendError(ctx.res, { status: 404, code: 'not_found', message: `Unknown entity type "${kind}".` });
  return s;
}

export function docWire(doc: StoredDoc): Record<string, unknown> {
  const updatedAt = new Date(doc.updatedAtMs).toISOString();
  if (doc.deleted) return { id: doc.id, deleted: true, updatedAt };
  return { id: doc.id, ...doc.body, version: doc.version, updatedAt };
}

const list =
  (kind: TransactionKind): Handler =>
  (ctx) => {
    const s = scope(ctx, kind);
    if (!s) return;
    ctx.app.transactions.pruneTombstones(s.companyId, kind, ctx.app.clock.now() - TOMBSTONE_RETENTION_MS);
    const q = listQuery(ctx);
    if (!q) return;
    ctx.tags.push(`type:${kind}`);
    sendPage(ctx, q, ctx.app.transactions.list(s.companyId, kind, q), docWire);
  };

const getOne =
  (kind: TransactionKind): Handler =>
  (ctx) => {
    const s = scope(ctx, kind);
    if (!s) return;
    const doc = ctx.app.transactions.get(s.companyId, kind, ctx.params.id ?? '');
    if (!doc)
      return sendError(ctx.res, { status: 404, code: 'not_found', message: `No ${kind} with id ${ctx.params.id}.` });
    sendJson(ctx.res, 200, docWire(doc), { ETag: `"${doc.version}"` }, JSON_TYPE);
  };

// CStoreOffice makes these in its own forms; the extension only reads them.
const readOnly =
  (kind: TransactionKind): Handler =>
  (ctx) => {
    if (!scope(ctx, kind)) return;
    sendError(ctx.res, {
      status: 405,
      code: 'method_not_allowed',
      message: `${kind} are read-only here: CStoreOffice makes and audits them in its own forms.`,
    });
  };

export function addTransactionRoutes(router: Router<Handler>, apiBase: string): void {
  for (const kind of TRANSACTION_KINDS) {
    const base = `${apiBase}/companies/:companyId/${kind}`;
    router
      .add('GET', base, list(kind))
      .add('GET', `${base}/:id`, getOne(kind))
      .add('*', base, readOnly(kind))
      .add('*', `${base}/:id`, readOnly(kind));
  }
}
