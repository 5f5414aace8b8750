/**
 * Everything the popup, the options page and the Audit-page panel may ask of the background, in
 * one typed map. Each message's data is also described by a zod schema in payloads.ts, checked in
 * the background before any handler runs.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { SyncStatusId } from '@/lib/entities';
import type { Environment } from '@/lib/storage/settings';

export type ConnectionState = 'notConnected' | 'connected' | 'reconnectNeeded';

export interface LastSync {
  at: string;
  outcome: 'success' | 'partial' | 'failed';
  message: string;
}

/** What the surfaces show about one CStoreOffice company. Never carries a token. */
export interface CompanySummary {
  companyId: string;
  companyName: string;
  /** The CStoreOffice origin the company was seen on (its Audit page lives there). */
  origin: string;
  state: ConnectionState;
  realmId: string | null;
  qboCompanyName: string | null;
  environment: Environment;
  lastSync: LastSync | null;
  counts: Record<SyncStatusId, number>;
}

export interface Overview {
  environment: Environment;
  companies: CompanySummary[];
}

export interface CompanyRef {
  companyId: string;
  companyName: string;
}

export interface ProtocolMap {
  /** Popup: every company seen, with its connection and last sync. */
  getOverview(): Overview;
  /** Panel: the company chosen in the Audit page's dropdown; remembers it as seen. */
  getCompany(data: CompanyRef): CompanySummary;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
