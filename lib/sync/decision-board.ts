/**
 * The port for the decisions people make in the manager, kept with the company in CStoreOffice
 * (contract v1.3, "Sync state") so every browser applies the same ones: Ignore Issues, links made by
 * hand to a near match, and Keep CStoreOffice / Keep QuickBooks. The local stores hold a copy,
 * refreshed on every full read (shared-decisions.ts); an action writes its decision here first.
 */
import type { EntityTypeId, Side } from '../entities';

/** An ignored error: row `side`/`id` is treated as synchronized while both sides keep these hashes. */
export interface SharedIgnore {
  type: EntityTypeId;
  /** `cso` with a CStoreOffice id (the row of a CStoreOffice record), `qbo` for a QuickBooks-only row. */
  side: Side;
  id: string;
  csoHash: string | null;
  qboHash: string | null;
  at: string;
}

/** A link a person chose (to a near match), not one matched by name. */
export interface SharedManualLink {
  type: EntityTypeId;
  id: string;
  qboId: string;
  at: string;
}

/** A pair's decision, carried out by the next Synchronize of any browser and then retired. */
export interface SharedResolution {
  type: EntityTypeId;
  id: string;
  keep: Side | 'merge';
  at: string;
}

export interface SharedDecisions {
  ignores: SharedIgnore[];
  manualLinks: SharedManualLink[];
  resolutions: SharedResolution[];
}

export interface DecisionBoard {
  /**
   * The company's decisions; null when CStoreOffice cannot hold them (a server before v1.3) or the
   * company is not yet bound to this connection's realm (nothing shared yet: the local copy stands).
   */
  read(): Promise<SharedDecisions | null>;
  /**
   * Applies `edit` to the current decisions, re-reading and applying it again when another browser
   * wrote meanwhile. False (nothing written) when the decisions cannot be shared, as for `read`.
   * Rejects when CStoreOffice cannot be reached.
   */
  change(edit: (current: SharedDecisions) => SharedDecisions): Promise<boolean>;
}

export const ignoreKey = (d: Pick<SharedIgnore, 'type' | 'side' | 'id'>) => `${d.type}:${d.side}:${d.id}`;
export const pairKey = (d: { type: EntityTypeId; id: string }) => `${d.type}:${d.id}`;

/** `current` with `add` put in (one entry per row: a newer one replaces the old). */
export function withDecisions(current: SharedDecisions, add: Partial<SharedDecisions>): SharedDecisions {
  const put = <T>(list: T[], more: T[] | undefined, key: (d: T) => string): T[] => {
    if (!more?.length) return list;
    const keys = new Set(more.map(key));
    return [...list.filter((d) => !keys.has(key(d))), ...more];
  };
  return {
    ignores: put(current.ignores, add.ignores, ignoreKey),
    manualLinks: put(current.manualLinks, add.manualLinks, pairKey),
    resolutions: put(current.resolutions, add.resolutions, pairKey),
  };
}

/** `current` without the rows of `keys` (`type:id` of CStoreOffice records), in every list. */
export function withoutRows(current: SharedDecisions, keys: ReadonlySet<string>): SharedDecisions {
  return {
    ignores: current.ignores.filter((d) => d.side !== 'cso' || !keys.has(pairKey(d))),
    manualLinks: current.manualLinks.filter((d) => !keys.has(pairKey(d))),
    resolutions: current.resolutions.filter((d) => !keys.has(pairKey(d))),
  };
}

/**
 * `current` without the entries of `retired`, each matched with its time: a decision another browser
 * made meanwhile on the same row is newer, and stays.
 */
export function withoutRetired(current: SharedDecisions, retired: SharedDecisions): SharedDecisions {
  const gone = <T extends { at: string }>(list: T[], key: (d: T) => string) =>
    new Set(list.map((d) => `${key(d)}@${d.at}`));
  const ig = gone(retired.ignores, ignoreKey);
  const ml = gone(retired.manualLinks, pairKey);
  const rs = gone(retired.resolutions, pairKey);
  return {
    ignores: current.ignores.filter((d) => !ig.has(`${ignoreKey(d)}@${d.at}`)),
    manualLinks: current.manualLinks.filter((d) => !ml.has(`${pairKey(d)}@${d.at}`)),
    resolutions: current.resolutions.filter((d) => !rs.has(`${pairKey(d)}@${d.at}`)),
  };
}
