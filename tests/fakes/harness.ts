/** Wires the fakes into an engine, with helpers to seed both sides the way a user would. */
import { createSyncEngine, type SyncEngineOptions, type SyncPorts } from '../../lib/sync';
import { createCounterIds, createFixedClock } from './clock';
import { createFakeCso } from './fake-cso';
import { createFakeDecisionBoard } from './fake-decisions';
import { createFakeQbo } from './fake-qbo';
import { createMemoryJournal, createMemoryLinkStore, createMemoryStateStore } from './memory-stores';

/**
 * `fakes.cdcMaxObjects`: cap the fake QBO's CDC like QBO's 1000 (see createFakeQbo).
 * `fakes.csoLinks`: the connection's realm; CStoreOffice then holds the links (contract v1.3).
 */
export function createHarness(
  options: SyncEngineOptions = {},
  fakes: { cdcMaxObjects?: number; csoLinks?: string } = {},
) {
  const clock = createFixedClock();
  const cso = createFakeCso({ now: clock.now, ...(fakes.csoLinks ? { links: { realmId: fakes.csoLinks } } : {}) });
  const qbo = createFakeQbo({ now: clock.now, ...fakes });
  const links = createMemoryLinkStore();
  const state = createMemoryStateStore();
  const journal = createMemoryJournal();
  const decisions = fakes.csoLinks
    ? createFakeDecisionBoard({ realmId: fakes.csoLinks, boundRealm: () => cso.boundRealm() })
    : undefined;
  const ports: SyncPorts = {
    cso,
    qbo,
    links,
    state,
    journal,
    clock,
    ids: createCounterIds(),
    ...(fakes.csoLinks ? { linkMirror: cso.linkMirror } : {}),
    ...(decisions ? { decisions: decisions.board } : {}),
  };
  const engine = createSyncEngine(ports, options);
  /** Seeds a record, failing loudly if the fake refuses it. */
  const seed = {
    cso(list: Parameters<typeof cso.edit>[0]['list'], values: Record<string, string | boolean | null>): string {
      const r = cso.edit({ kind: 'create', list, values });
      if (!r.ok || !r.record) throw new Error(`CSO seed refused: ${JSON.stringify(r)}`);
      return r.record.id;
    },
    qbo(list: Parameters<typeof qbo.edit>[0]['list'], values: Record<string, string | boolean | null>): string {
      const r = qbo.edit({ kind: 'create', list, values });
      if (!r.ok || !r.record) throw new Error(`QBO seed refused: ${JSON.stringify(r)}`);
      return r.record.id;
    },
  };
  return {
    clock,
    cso,
    qbo,
    links,
    state,
    journal,
    /** With `fakes.csoLinks`: the decisions CStoreOffice shares. */
    decisions,
    ports,
    engine,
    seed,
    make: (o: SyncEngineOptions = options) => createSyncEngine(ports, o),
  };
}
