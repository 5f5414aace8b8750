/**
 * Builds what the popup and panel show for a company from what the background knows about it.
 */
import { SYNC_STATUS_IDS, type SyncStatusId } from '@/lib/entities';
import type { CompanySummary, ConnectionState, LastSync, ReadState, RunStatus } from '@/lib/messaging/protocol';
import type { Environment } from '@/lib/storage/settings';
import { ACCOUNT_NUMBERS_OFF, type QboCompanyPrefs, typesQboRefuses } from '@/lib/sync/qbo-company';

export interface ConnectionFacts {
  state: ConnectionState;
  realmId: string | null;
  qboCompanyName: string | null;
  lastSync: LastSync | null;
  counts: Partial<Record<SyncStatusId, number>>;
  running?: RunStatus | null;
  readState?: ReadState;
  /** Why the connection was lost, as stored by the token manager (only while it is lost). */
  lostReason?: 'expired' | 'refused' | undefined;
  /** The QuickBooks company's settings as last read (Connect, Reconnect); absent before. */
  qboPrefs?: QboCompanyPrefs | undefined;
}

const LOST_WORDS: Readonly<Record<'expired' | 'refused' | 'unknown', string>> = {
  expired:
    'The QuickBooks sign-in ran out (QuickBooks asks to sign in again after 100 days without a sync, and after 5 years in any case).',
  refused:
    'QuickBooks refused the saved sign-in: the app was disconnected in QuickBooks, or the sign-in was replaced by a newer one.',
  unknown: 'QuickBooks no longer accepts the saved sign-in.',
};

export function summarizeCompany(
  company: { origin: string; companyId: string; companyName: string },
  facts: ConnectionFacts,
  environment: Environment,
): CompanySummary {
  const counts = Object.fromEntries(SYNC_STATUS_IDS.map((id) => [id, facts.counts[id] ?? 0])) as Record<
    SyncStatusId,
    number
  >;
  return {
    companyId: company.companyId,
    companyName: company.companyName,
    origin: company.origin,
    state: facts.state,
    realmId: facts.realmId,
    qboCompanyName: facts.qboCompanyName,
    environment,
    lastSync: facts.lastSync,
    counts,
    running: facts.running ?? null,
    readState: facts.readState ?? 'notRead',
    lostReason: facts.state === 'reconnectNeeded' ? LOST_WORDS[facts.lostReason ?? 'unknown'] : null,
    qboNotices: qboNoticesOf(facts.qboPrefs),
  };
}

/** What the QuickBooks company's settings keep from being sent, once each (not once per row). */
function qboNoticesOf(prefs: QboCompanyPrefs | undefined): string[] {
  if (!prefs) return [];
  const notices = Object.values(typesQboRefuses(prefs));
  if (!prefs.accountNumbers) notices.push(ACCOUNT_NUMBERS_OFF);
  return notices;
}
