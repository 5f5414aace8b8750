/** QBO timestamps: ISO-8601 in the company's UTC offset (`2015-07-23T10:58:12-07:00`). */
const pad = (n: number, width = 2): string => String(Math.trunc(Math.abs(n))).padStart(width, '0');

export function formatQboTime(epochMs: number, offsetMinutes: number, withMs = false): string {
  const local = new Date(epochMs + offsetMinutes * 60_000);
  const date = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  const ms = withMs ? `.${pad(local.getUTCMilliseconds(), 3)}` : '';
  const sign = offsetMinutes < 0 ? '-' : '+';
  return `${date}T${time}${ms}${sign}${pad(offsetMinutes / 60)}:${pad(offsetMinutes % 60)}`;
}

/** Parses a date or date-time as QBO accepts it; a bare date is midnight in the company's offset. */
export function parseQboTime(value: string, offsetMinutes: number): number | undefined {
  const trimmed = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
    const utc = Date.parse(`${trimmed}T00:00:00Z`);
    return Number.isNaN(utc) ? undefined : utc - offsetMinutes * 60_000;
  }
  const parsed = Date.parse(trimmed);
  return Number.isNaN(parsed) ? undefined : parsed;
}
