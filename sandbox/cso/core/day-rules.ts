// How a store day closes (CONTRACT.md, "Audit days"): every line posts its amount from its data
// type's credit account to its debit account, so the register's side of the day meets in one
// clearing account. A day closes when that account nets to zero; what the count leaves over goes on
// the Cash Over/Short line. Pure: the caller says where each data type posts.
import type { AuditDayBody, DayLine } from './transactions';

export interface DayBook {
  /** The account the register's takings and tenders both go through (Store Sales' debit account). */
  clearingAccountId: string;
  overShortTypeId: string;
  postingOf(dataTypeId: string): { debitAccountId: string | null; creditAccountId: string | null } | undefined;
}

/** What the lines leave on the clearing account: debits minus credits, in cents. */
function clearingNet(lines: readonly DayLine[], book: DayBook): number {
  let net = 0;
  for (const line of lines) {
    const posting = book.postingOf(line.dataTypeId);
    if (posting?.debitAccountId === book.clearingAccountId) net += line.amountCents;
    if (posting?.creditAccountId === book.clearingAccountId) net -= line.amountCents;
  }
  return net;
}

const nextLineId = (lines: readonly DayLine[]) => String(Math.max(0, ...lines.map((l) => Number(l.id) || 0)) + 1);

/** The day's lines with `cents` more on its over/short line (added when missing, dropped at zero). */
function shiftOverShort(lines: readonly DayLine[], cents: number, book: DayBook): DayLine[] {
  if (cents === 0) return [...lines];
  const current = lines.find((l) => l.dataTypeId === book.overShortTypeId);
  if (!current) {
    const memo = cents > 0 ? 'Cash short' : 'Cash over';
    const added = { id: nextLineId(lines), dataTypeId: book.overShortTypeId, amountCents: cents, memo };
    return [...lines, { ...added, customerId: null, vendorId: null }];
  }
  const amountCents = current.amountCents + cents;
  if (amountCents === 0) return lines.filter((l) => l !== current);
  const memo = amountCents > 0 ? 'Cash short' : 'Cash over';
  return lines.map((l) => (l === current ? { ...l, amountCents, memo } : l));
}

/** Audit: whatever the clearing account still holds becomes cash over/short, so the day closes. */
export function closeDay(day: AuditDayBody, book: DayBook): AuditDayBody {
  // The over/short line credits the clearing account: a shortage of x there takes x off the net.
  return { ...day, status: 'audited', lines: shiftOverShort(day.lines, clearingNet(day.lines, book), book) };
}

/**
 * A corrected line amount; the over/short line takes up the difference so the day still nets as it
 * did (an auditor's correction moves the shortage, it does not unbalance the day).
 */
export function editLine(
  day: AuditDayBody,
  lineId: string,
  amountCents: number,
  book: DayBook,
): { ok: true; day: AuditDayBody } | { ok: false; message: string } {
  const line = day.lines.find((l) => l.id === lineId);
  if (!line) return { ok: false, message: `The day has no line ${lineId}.` };
  if (line.dataTypeId === book.overShortTypeId)
    return { ok: false, message: 'Cash over/short follows the other lines; correct one of them instead.' };
  const lines = day.lines.map((l) => (l === line ? { ...l, amountCents } : l));
  const moved = clearingNet(lines, book) - clearingNet(day.lines, book);
  return { ok: true, day: { ...day, lines: shiftOverShort(lines, moved, book) } };
}
