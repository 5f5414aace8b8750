/**
 * Ids of the convenience-store records the transaction tests post to, read from the realm dump
 * (inactive ones included), and small builders for journal and expense lines.
 */
import type { Harness, Json } from './harness';

export interface Fixtures {
  account(fullName: string): string;
  klass(fullName: string): string;
  department(fullName: string): string;
  vendor(displayName: string): string;
  customer(displayName: string): string;
}

export async function loadFixtures(h: Harness): Promise<Fixtures> {
  const dump = await h.expectJson(h.control('GET', `realms/${h.realm}`), 200);
  const find = (list: string, field: string) => (name: string) => {
    // A deactivated account carries " (deleted)" after its name.
    const rec = (dump[list] as Json[]).find((r) => r[field] === name || r[field] === `${name} (deleted)`);
    if (!rec) throw new Error(`no ${list} named ${name}`);
    return String(rec.Id);
  };
  return {
    account: find('Account', 'FullyQualifiedName'),
    klass: find('Class', 'FullyQualifiedName'),
    department: find('Department', 'FullyQualifiedName'),
    vendor: find('Vendor', 'DisplayName'),
    customer: find('Customer', 'DisplayName'),
  };
}

export const journalLine = (
  posting: 'Debit' | 'Credit',
  amount: unknown,
  accountId: string,
  extra: Record<string, unknown> = {},
): Json => ({
  DetailType: 'JournalEntryLineDetail',
  Amount: amount,
  JournalEntryLineDetail: { PostingType: posting, AccountRef: { value: accountId }, ...extra },
});

export const expenseLine = (amount: unknown, accountId: string, extra: Record<string, unknown> = {}): Json => ({
  DetailType: 'AccountBasedExpenseLineDetail',
  Amount: amount,
  AccountBasedExpenseLineDetail: { AccountRef: { value: accountId }, ...extra },
});
