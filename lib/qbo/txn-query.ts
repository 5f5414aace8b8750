/**
 * Conditions for finding transactions: by date range (TxnDate is a plain `YYYY-MM-DD` date in the
 * company's time zone, so it is compared as text, never as an instant) and by document number.
 */
import { QboUsageError } from './errors';
import type { Condition } from './query';

export interface TxnFilter {
  /** Inclusive `YYYY-MM-DD`. */
  from?: string;
  /** Inclusive `YYYY-MM-DD`. */
  to?: string;
  /** Exact document numbers; one uses `=` (QBO indexes it), several `IN`. */
  docNumbers?: readonly string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// QBO's DocNumber is at most 21 characters: a longer one can match nothing.
const DOC_NUMBER_MAX = 21;

function date(value: string, what: string): string {
  const parsed = new Date(`${value}T00:00:00Z`);
  // Round-tripping catches 2025-02-30, which Date would roll over to March.
  if (!DATE.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value)
    throw new QboUsageError(`The ${what} date must be YYYY-MM-DD: ${JSON.stringify(value)}`);
  return value;
}

export function txnConditions(filter: TxnFilter): Condition[] {
  const where: Condition[] = [];
  if (filter.from !== undefined) where.push({ field: 'TxnDate', op: '>=', value: date(filter.from, 'from') });
  if (filter.to !== undefined) where.push({ field: 'TxnDate', op: '<=', value: date(filter.to, 'to') });
  const numbers = filter.docNumbers;
  if (numbers !== undefined) {
    const tooLong = numbers.find((n) => n.length > DOC_NUMBER_MAX);
    if (tooLong !== undefined)
      throw new QboUsageError(`A DocNumber is at most ${DOC_NUMBER_MAX} characters: ${JSON.stringify(tooLong)}`);
    if (numbers.length === 0) throw new QboUsageError('An empty DocNumber list matches nothing: do not query it');
    where.push(
      numbers.length === 1
        ? { field: 'DocNumber', op: '=', value: numbers[0]! }
        : { field: 'DocNumber', op: 'IN', value: numbers },
    );
  }
  return where;
}
