/** Creating realms from a named seed (or inline seed data), dumping one, and closing its books. */
import { TABLE_ENTITIES } from '../entities/catalog';
import { present } from '../service/present';
import { convenienceStoreSeed, emptySeed } from '../seeds/convenience-store';
import { generateLargeSeed } from '../seeds/large';
import { newCompanySeed } from '../seeds/new-company';
import { loadSeed } from '../seeds/load';
import type { SeedData } from '../seeds/types';
import type { QboState } from '../state';
import { createRealm, type Realm } from '../store/realm';

export type SeedName = 'convenience-store' | 'new-company' | 'empty' | 'large';
export const SEED_NAMES: readonly SeedName[] = ['convenience-store', 'new-company', 'empty', 'large'];

export interface RealmRequest {
  seed?: SeedName;
  data?: SeedData;
  realmId?: string;
  companyName?: string;
  /** For the `large` seed: how many records (default 100 000). */
  count?: number;
}

function seedData(request: RealmRequest): SeedData {
  if (request.data) return request.data;
  if (request.seed === 'convenience-store') return convenienceStoreSeed();
  if (request.seed === 'new-company') return newCompanySeed();
  if (request.seed === 'large') return generateLargeSeed(request.count ?? 100_000);
  return emptySeed();
}

export function addRealm(state: QboState, request: RealmRequest): Realm {
  state.realmSeq += 1;
  const realmId = request.realmId ?? String(9341453050000000 + state.realmSeq * 1111);
  if (state.realms.has(realmId)) throw new Error(`realm ${realmId} already exists`);
  const data = seedData(request);
  const realm = createRealm({ realmId, companyName: request.companyName ?? data.companyName, now: state.clock.now() });
  loadSeed(realm, data, { switches: state.switches, now: state.clock.now() });
  state.realms.set(realmId, realm);
  return realm;
}

export function summarize(realm: Realm): Record<string, unknown> {
  return {
    realmId: realm.realmId,
    companyName: realm.companyInfo.data.CompanyName,
    counts: Object.fromEntries(TABLE_ENTITIES.map((t) => [t, realm.tables[t].size()])),
  };
}

export function dumpRealm(realm: Realm): Record<string, unknown> {
  return {
    ...summarize(realm),
    CompanyInfo: present(realm, realm.companyInfo),
    Preferences: present(realm, realm.preferences),
    ...Object.fromEntries(TABLE_ENTITIES.map((t) => [t, realm.tables[t].all().map((r) => present(realm, r))])),
    tombstones: realm.tombstones,
  };
}

/**
 * Closes the books through `date` (or reopens them with null), as a person does in QBO's Advanced
 * settings: the Preferences record changes, so its SyncToken and LastUpdatedTime move on.
 */
export function setBookCloseDate(realm: Realm, date: string | null, now: number): void {
  const rec = realm.preferences;
  const { BookCloseDate: _previous, ...others } = (rec.data.AccountingInfoPrefs ?? {}) as Record<string, unknown>;
  const group = date === null ? others : { ...others, BookCloseDate: date };
  rec.data = { ...rec.data, AccountingInfoPrefs: group, SyncToken: String(Number(rec.data.SyncToken) + 1) };
  rec.updatedMs = now;
}
