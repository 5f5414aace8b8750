// Where a company's store days post, read from its data types: the clearing account is the debit
// account of Store Sales (CStoreOffice's fallback data type, which every company has), and cash
// over/short is the data type named Cash Over/Short.
import type { DayBook } from '../core/day-rules';
import type { CsoStore } from '../core/store';

const text = (v: unknown) => (typeof v === 'string' ? v : null);

export function dayBookOf(store: CsoStore, companyId: string): DayBook | string {
  const types = store.all(companyId, 'data-types').filter((r) => !r.deleted);
  const clearing = text(types.find((t) => t.values.name === 'Store Sales')?.values.debitAccountId);
  const overShort = types.find((t) => t.values.name === 'Cash Over/Short');
  if (!clearing || !overShort) return 'The company has no Store Sales debit account or no Cash Over/Short data type.';
  return {
    clearingAccountId: clearing,
    overShortTypeId: overShort.id,
    postingOf(dataTypeId) {
      const t = store.get(companyId, 'data-types', dataTypeId);
      return t && { debitAccountId: text(t.values.debitAccountId), creditAccountId: text(t.values.creditAccountId) };
    },
  };
}
