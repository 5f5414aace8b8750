/**
 * Builds one company's posting engine: CStoreOffice's documents on the company's origin, QuickBooks'
 * postings through the connection's client, and the books from the entity sync's records and links
 * (read from its mirror, after its own run). The posted-transaction store comes in as a maker, so
 * this file does not decide which one a build has. QuickBooks' Preferences are read afresh for each
 * build: the books' closing date is changed in QuickBooks, not here. What a run read is kept in
 * memory per company and QuickBooks company, so the next run reads only changes.
 */
import { type CsoClient, createCsoDocuments } from '@/lib/cso';
import { booksFrom } from '@/lib/posting/books-from-entities';
import { type PostingEngine, createPostingEngine } from '@/lib/posting/engine';
import type { PostedStore, PostingSnapshot } from '@/lib/posting/ports';
import { parseSnapshot } from '@/lib/posting/snapshot-schema';
import type { KeyedValue } from './keyed-item';
import type { QboClient } from '@/lib/qbo';
import { ReconnectNeededError } from '@/lib/qbo';
import type { EntityView } from '@/lib/sync';
import type { CompanySettings } from '@/lib/storage/company-settings';
import type { ConnectionMetaStore } from './connect-service';
import { postingPrefsOf } from './posting-prefs';
import type { QboAccess } from './qbo-access';
import type { BuildEngine, SyncTarget } from './sync-target';

/** A company's posting engine, and the entity view its books came from (the tie-out names by it). */
export interface PostingWork {
  engine: PostingEngine;
  entities(): Promise<EntityView>;
}

const MAX_STORED_CHARS = 3_000_000;

export type BuildPosting = (target: SyncTarget) => Promise<PostingWork>;

export function createPostingEngineFactory(deps: {
  meta: ConnectionMetaStore;
  access: Pick<QboAccess, 'client'>;
  csoClient: (origin: string) => CsoClient;
  buildEngine: BuildEngine;
  postedStore: (client: QboClient) => PostedStore;
  newId: () => string;
  /** The company's own settings (its suspense account). */
  companySettings: (key: string) => Promise<Pick<CompanySettings, 'suspenseAccount'>>;
  /** Where snapshots outlive the worker (session storage); without it they live in memory only. */
  stored?: KeyedValue<unknown>;
}): BuildPosting {
  const snapshots = new Map<string, PostingSnapshot | null>();
  const load = async (kept: string) => {
    if (snapshots.has(kept)) return snapshots.get(kept) ?? null;
    return parseSnapshot(await deps.stored?.get(kept));
  };
  const save = async (kept: string, snapshot: PostingSnapshot | null) => {
    snapshots.set(kept, snapshot);
    // Session storage holds 10 MB for everything: a very large company's snapshot stays in memory.
    const fits = snapshot === null || JSON.stringify(snapshot).length <= MAX_STORED_CHARS;
    await deps.stored?.set(kept, fits ? snapshot : null);
  };
  return async function buildPosting(target) {
    const meta = await deps.meta.get(target.key);
    if (!meta)
      throw new ReconnectNeededError('This company is not connected to QuickBooks Online. Click Connect to QBO first.');
    const client = await deps.access.client(target.key, meta.realmId);
    const qbo = deps.postedStore(client);
    const prefs = postingPrefsOf(await client.companyPreferences());
    const kept = `${target.key}|${meta.realmId}`;
    // One read of the entity mirror per build: the books and the tie-out's names agree.
    let view: Promise<EntityView> | null = null;
    const entities = () => (view ??= deps.buildEngine(target, () => {}).then((e) => e.entities()));
    const engine = createPostingEngine({
      documents: createCsoDocuments({ client: deps.csoClient(target.origin), companyId: target.companyId }),
      qbo,
      books: async () => {
        const view = await entities();
        const wanted = (await deps.companySettings(target.key)).suspenseAccount;
        return booksFrom(view, { ...prefs, suspense: wanted ? view.qboAccountNamed(wanted) : null });
      },
      newRunId: deps.newId,
      cache: { load: () => load(kept), save: (snapshot) => save(kept, snapshot) },
    });
    return { engine, entities };
  };
}
