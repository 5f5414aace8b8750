/**
 * The answers to the Transactions section's messages. Rows are shaped here with their QuickBooks
 * links (the web origin of the chosen environment, the connection's realm); a write waits for
 * CStoreOffice's word that the user may audit the company, as the entity sync's do.
 */
import type { CompanyRow } from '@/lib/db';
import type { Handlers, Sender } from '@/lib/messaging/handle';
import type { CompanyTarget } from '@/lib/messaging/protocol';
import type { TxnCounts } from '@/lib/messaging/transactions';
import type { Settings } from '@/lib/storage/settings';
import type { ConnectionMetaStore } from './connect-service';
import { whoAsked } from './company-access';
import { targetOf } from './connected-companies';
import type { PostingService, ShownTxns } from './posting-service';
import { isIgnored } from './txn-ignores';
import { countTxnRows, toTxnPanelRow } from './txn-views';
import { qboWebBase } from './views';

type Resolve = (data: CompanyTarget, sender: Sender) => Promise<CompanyRow>;

type TxnHandlers = Pick<
  Handlers,
  | 'getTransactions'
  | 'previewTransactions'
  | 'synchronizeTransactions'
  | 'ignoreTransactionIssues'
  | 'tieOutTransactions'
>;

export function createTransactionHandlers(deps: {
  posting: PostingService;
  meta: ConnectionMetaStore;
  readSettings: () => Promise<Settings>;
  resolve: Resolve;
  resolveForWrite: Resolve;
}): TxnHandlers {
  async function present(company: CompanyRow, shown: ShownTxns) {
    const [settings, meta] = await Promise.all([deps.readSettings(), deps.meta.get(company.key)]);
    const web = { base: qboWebBase(settings), realmId: meta?.realmId ?? null };
    return shown.rows.map((row) => toTxnPanelRow(row, shown.markers, web));
  }

  return {
    async getTransactions(data, sender) {
      const company = await deps.resolve(data, sender);
      const shown = await deps.posting.rows(targetOf(company));
      return { rows: shown ? await present(company, shown) : [], read: !!shown };
    },
    async previewTransactions(data, sender) {
      const company = await deps.resolve(data, sender);
      const { message, shown } = await deps.posting.preview(targetOf(company));
      return { message, rows: await present(company, shown) };
    },
    async synchronizeTransactions(data, sender) {
      const company = await deps.resolveForWrite(data, sender);
      const { shown, ...outcome } = await deps.posting.synchronize(targetOf(company), {
        trigger: 'user',
        who: whoAsked(data.user, sender),
        ...(data.selection ? { selection: data.selection } : {}),
      });
      return { ...outcome, rows: await present(company, shown) };
    },
    async ignoreTransactionIssues(data, sender) {
      return deps.posting.ignore(targetOf(await deps.resolveForWrite(data, sender)), data.rowKeys);
    },
    async tieOutTransactions(data, sender) {
      const company = await deps.resolve(data, sender);
      return deps.posting.tieOut(targetOf(company), { from: data.from, to: data.to });
    },
  };
}

/** The popup's transaction counts for a company, when its documents were read. */
export async function transactionCounts(posting: PostingService, company: CompanyRow): Promise<TxnCounts | null> {
  const shown = await posting.rows(targetOf(company));
  if (!shown) return null;
  return countTxnRows(
    shown.rows.map((row) => ({ status: isIgnored(row, shown.markers) ? 'synchronized' : row.status })),
  );
}

/** Without a posting service (a background built for other parts' tests), each message says so. */
export function unavailableTransactions(): TxnHandlers {
  const refuse = async (): Promise<never> => {
    throw new Error('Transactions are not available in this build.');
  };
  return {
    getTransactions: refuse,
    previewTransactions: refuse,
    synchronizeTransactions: refuse,
    ignoreTransactionIssues: refuse,
    tieOutTransactions: refuse,
  };
}
