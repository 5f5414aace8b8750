// Audit periods shown on the Audit page: the last six months by the sandbox clock. Older months are
// closed (the auditor locked them); how many are closed differs per company so switching shows it.
export interface AuditPeriod {
  period: string;
  from: string;
  to: string;
  status: 'Open' | 'Closed';
  closedBy: string | null;
  closedOn: string | null;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const fmt = (d: Date) =>
  `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/${d.getUTCFullYear()}`;

export function auditPeriods(companyId: string, nowMs: number): AuditPeriod[] {
  const now = new Date(nowMs);
  const openMonths = companyId === '1' ? 2 : 3;
  return Array.from({ length: 6 }, (_, back) => {
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    const closed = back >= openMonths;
    const closedOn = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 10));
    return {
      period: `${MONTHS[first.getUTCMonth()]} ${first.getUTCFullYear()}`,
      from: fmt(first),
      to: fmt(last),
      status: closed ? 'Closed' : 'Open',
      closedBy: closed ? 'auditor@demo.test' : null,
      closedOn: closed ? fmt(closedOn) : null,
    };
  });
}
