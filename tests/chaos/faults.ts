/**
 * The faults both sandboxes inject during a chaos scenario: 429, 500, 503, hangs past the clients'
 * timeouts, dropped connections and answers lost after the write, each at a share of one total rate.
 * Rules can be lifted while "a person" edits records (those edits are not what is under test) and
 * put back afterwards; what fired is read from the sandboxes' own counters.
 */
import { csoControl, qboControl, type Sandboxes } from '../integration/sync/harness';
import { CLIENT_TIMEOUT_MS } from './connect';

export interface FaultKindSpec {
  label: string;
  kind: 'status' | 'hang' | 'drop' | 'lost-response' | 'lie';
  status?: number;
  lie?: 'dropRows' | 'emptyList' | 'endEarly';
}

const FAULT_KINDS: readonly FaultKindSpec[] = [
  { label: '429', kind: 'status', status: 429 },
  { label: '500', kind: 'status', status: 500 },
  { label: '503', kind: 'status', status: 503 },
  { label: 'hang', kind: 'hang' },
  { label: 'drop', kind: 'drop' },
  { label: 'lost-response', kind: 'lost-response' },
];

/**
 * Answers that lie: 200 with rows dropped, an empty list, a listing or page that ends early. They
 * go where a careful client can check them against a count (QBO query pages, CStoreOffice listings
 * with `total`); a change feed missing changes is not checkable, so it is left to the integration
 * tests (tests/integration/sync/lying-reads.test.ts: absence read from it deletes nothing).
 */
const LIE_KINDS: readonly FaultKindSpec[] = [
  { label: 'lie:dropRows', kind: 'lie', lie: 'dropRows' },
  { label: 'lie:emptyList', kind: 'lie', lie: 'emptyList' },
  { label: 'lie:endEarly', kind: 'lie', lie: 'endEarly' },
];

/** Hangs outlast the clients' timeout, then the sandbox drops the connection. */
const HANG_MS = CLIENT_TIMEOUT_MS * 4;

export interface FaultPlan {
  /** Total share of API requests that meet a fault, per side. */
  qboRate: number;
  csoRate: number;
}

export interface FaultSwitch {
  on(): Promise<void>;
  off(): Promise<void>;
  /** What each sandbox says it injected, by kind (a lie counts once it was told: the answer was a list). */
  injected(): Promise<{ qbo: Record<string, number>; cso: Record<string, number> }>;
  requests(): Promise<{ qbo: number; cso: number }>;
}

function rules(path: string, rate: number, retryAfter: boolean, kinds: readonly FaultKindSpec[] = FAULT_KINDS) {
  const each = rate / kinds.length;
  return kinds.map((k) => ({
    kind: k.kind,
    path,
    rate: each,
    ...(k.status ? { status: k.status } : {}),
    ...(k.lie ? { lie: k.lie, method: 'GET' } : {}),
    ...(k.kind === 'hang' ? { hangMs: HANG_MS } : {}),
    // CStoreOffice's 429/503 say "Retry-After: 1"; the client's sleep is instant here.
    ...(retryAfter && k.kind === 'status' ? { retryAfter: 1 } : {}),
  }));
}

const tally = (byTag: Record<string, number>, prefix: string, labelOf: (rest: string) => string | undefined) => {
  const out: Record<string, number> = {};
  for (const [tag, n] of Object.entries(byTag)) {
    if (!tag.startsWith(prefix)) continue;
    const label = labelOf(tag.slice(prefix.length));
    if (label) out[label] = (out[label] ?? 0) + n;
  }
  return out;
};

export function createFaultSwitch(sb: Sandboxes, realmId: string, companyId: string, plan: FaultPlan): FaultSwitch {
  // A sync sends QBO few requests (one batch per 30 writes), so batch writes get an extra share of
  // lost answers on top of the even split: the case a requestid exists for.
  const qboRules = [
    {
      kind: 'lost-response' as const,
      path: `/v3/company/${realmId}/batch`,
      method: 'POST',
      rate: plan.qboRate / FAULT_KINDS.length,
    },
    ...rules(`/v3/company/${realmId}/*`, plan.qboRate, false),
    // Lies come on top, a third of the rate again: each list read (a count, then its pages) meets some.
    ...rules(`/v3/company/${realmId}/query`, plan.qboRate / 3, false, LIE_KINDS),
  ];
  const csoRules = [
    ...rules(`/api/qbo-sync/v1/companies/${companyId}/*`, plan.csoRate, true),
    ...rules(`/api/qbo-sync/v1/companies/${companyId}/*`, plan.csoRate / 3, true, LIE_KINDS),
  ];
  let active = false;
  return {
    async on() {
      if (active) return;
      for (const r of qboRules) if (r.rate > 0) await qboControl(sb, 'faults', r);
      for (const r of csoRules) if (r.rate > 0) await csoControl(sb, 'faults', r);
      active = true;
    },
    async off() {
      if (!active) return;
      await qboControl(sb, 'faults', undefined, 'DELETE');
      await csoControl(sb, 'faults', undefined, 'DELETE');
      active = false;
    },
    async injected() {
      const qbo = await qboControl<{ byTag: Record<string, number> }>(
        sb,
        `counters?realm=${encodeURIComponent(realmId)}`,
      );
      const cso = await csoControl<{ counters: { byTag: Record<string, number> } }>(
        sb,
        `counters?company=${encodeURIComponent(companyId)}`,
      );
      // QBO tags `injected-fault:<kind>` (+ `injected:<status>`); CStoreOffice tags `fault:<kind>[:status]`.
      const qboKinds = tally(qbo.byTag, 'injected-fault:', (kind) =>
        kind === 'status' || kind === 'lie' ? undefined : kind,
      );
      Object.assign(
        qboKinds,
        tally(qbo.byTag, 'injected:', (status) => status),
      );
      Object.assign(
        qboKinds,
        tally(qbo.byTag, 'lie:', (lie) => `lie:${lie}`),
      );
      const csoKinds = tally(cso.counters.byTag, 'fault:', (rest) =>
        rest.startsWith('status:') ? rest.slice('status:'.length) : rest === 'lie' ? undefined : rest,
      );
      Object.assign(
        csoKinds,
        tally(cso.counters.byTag, 'lie:', (lie) => `lie:${lie}`),
      );
      return { qbo: qboKinds, cso: csoKinds };
    },
    async requests() {
      const qbo = await qboControl<{ total: number }>(sb, `counters?realm=${encodeURIComponent(realmId)}`);
      const cso = await csoControl<{ counters: { total: number } }>(
        sb,
        `counters?company=${encodeURIComponent(companyId)}`,
      );
      return { qbo: qbo.total, cso: cso.counters.total };
    },
  };
}
