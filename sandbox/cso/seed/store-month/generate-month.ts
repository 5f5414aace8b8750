// A seeded month of a c-store chain (the store-month control call): each station's days, audited
// except the last two (still open) and one reopened, and its vendor invoices. Pure: the caller
// resolves the company's records into ids and writes the result.
import type { AuditDayBody, VendorInvoiceBody } from '../../core/transactions';
import { addDays, stationInvoices, type InvoiceRefs } from './invoices';
import { createRng, streamSeed } from './random';
import { storeDayLines, type DayRefs } from './store-day';

export interface MonthRequest {
  stations: number;
  days: number;
  seed: number;
  /** YYYY-MM-DD, the first day. */
  startDate: string;
}

export interface MonthRefs extends DayRefs, InvoiceRefs {
  stationIds: readonly string[];
}

export interface MonthDraft {
  days: AuditDayBody[];
  invoices: VendorInvoiceBody[];
}

const OPEN_AT_END = 2;

export function generateStoreMonth(req: MonthRequest, refs: MonthRefs): MonthDraft {
  const stations = refs.stationIds.slice(0, req.stations);
  const reopenedDay = Math.floor(req.days / 2);
  const days: AuditDayBody[] = [];
  for (let d = 0; d < req.days; d++) {
    // Pump prices move a little through the month, the same at every station of the chain.
    const drift = createRng(streamSeed(req.seed, 0, d)).int(-60, 60);
    stations.forEach((stationId, s) => {
      const rng = createRng(streamSeed(req.seed, s + 1, d + 1));
      const open = req.days > OPEN_AT_END && d >= req.days - OPEN_AT_END;
      const status = open ? 'open' : s === 0 && d === reopenedDay ? 'reopened' : 'audited';
      const lines = storeDayLines(rng, refs, { counted: !open, drift });
      days.push({ stationId, date: addDays(req.startDate, d), status, lines });
    });
  }
  const invoices = stations.flatMap((stationId, s) =>
    stationInvoices(createRng(streamSeed(req.seed, s + 1, 0)), refs, stationId, req.startDate, req.days, s === 0),
  );
  invoices.sort((a, b) => a.date.localeCompare(b.date));
  return { days, invoices };
}
