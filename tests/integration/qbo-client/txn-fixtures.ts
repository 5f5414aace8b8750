/**
 * What the transaction tests post to: the convenience-store realm's accounts, classes, locations,
 * vendors and customers by name (Ids read through the client, inactive ones included), and small
 * builders for journal and expense lines that take amounts in cents.
 */
import { fromCents, type QboClient } from '@/lib/qbo';

export interface TxnFixtures {
  account(fullName: string): string;
  klass(fullName: string): string;
  department(fullName: string): string;
  vendor(displayName: string): string;
  customer(displayName: string): string;
}

export async function loadTxnFixtures(client: QboClient): Promise<TxnFixtures> {
  const byName = async (entity: 'Account' | 'Class' | 'Department' | 'Vendor' | 'Customer') => {
    const rows = (await client.queryAll(entity, { includeInactive: true })) as Record<string, unknown>[];
    const ids = new Map<string, string>();
    for (const row of rows) {
      // A deactivated account carries " (deleted)" after its name.
      const name = String(row.FullyQualifiedName ?? row.DisplayName).replace(/ \(deleted\)$/, '');
      ids.set(name, String(row.Id));
    }
    return (name: string): string => {
      const id = ids.get(name);
      if (id === undefined) throw new Error(`no ${entity} named ${name}`);
      return id;
    };
  };
  return {
    account: await byName('Account'),
    klass: await byName('Class'),
    department: await byName('Department'),
    vendor: await byName('Vendor'),
    customer: await byName('Customer'),
  };
}

export const journalLine = (
  posting: 'Debit' | 'Credit',
  cents: number,
  accountId: string,
  extra: Record<string, unknown> = {},
) => ({
  DetailType: 'JournalEntryLineDetail',
  Amount: fromCents(cents),
  JournalEntryLineDetail: { PostingType: posting, AccountRef: { value: accountId }, ...extra },
});

export const expenseLine = (cents: number, accountId: string, extra: Record<string, unknown> = {}) => ({
  DetailType: 'AccountBasedExpenseLineDetail',
  Amount: fromCents(cents),
  AccountBasedExpenseLineDetail: { AccountRef: { value: accountId }, ...extra },
});
