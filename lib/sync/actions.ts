/**
 * The table's actions besides Synchronize. Each checks its rule against the current rows and
 * refuses with a plain message otherwise: Remove Link only on synchronized rows, Ignore Issues only
 * on error rows, link a near match only where one is offered, keep a side only on a conflict.
 */
import { ENTITY_TYPES, type Side } from '../entities';
import type { Analysis } from './plan/types';
import { LINK_REMOVED, linkRemovedMarker } from './plan/finish';
import type { IgnoreMarker, MirrorData, SyncPorts } from './ports';
import type { SyncRow } from './rows';
import { csoRowKey, type Link } from './types';
import { csoList, linkOf, linksToQbo, qboList, type World } from './world';
import { clearHeldLinks } from './link-through';
import { pairKey, withDecisions, withoutRows, type SharedDecisions, type SharedIgnore } from './decision-board';
import { manualLink } from './shared-decisions';

export type ActionResult = { ok: true; changed: number } | { ok: false; message: string };

type Loaded = { mirror: MirrorData; world: World; analysis: Analysis };

export type SyncActions = ReturnType<typeof createActions>;

export function createActions(ports: SyncPorts, load: () => Promise<Loaded>) {
  const refuse = (message: string): ActionResult => ({ ok: false, message });
  const now = () => ports.clock.now().toISOString();

  /**
   * Writes a decision to the company's shared list first, so every browser sees it, then the caller
   * changes the local copy. Refused as a whole when CStoreOffice cannot be reached: nothing changes.
   */
  async function share(edit: (current: SharedDecisions) => SharedDecisions): Promise<ActionResult | null> {
    try {
      await ports.decisions?.change(edit);
      return null;
    } catch {
      return refuse(
        'CStoreOffice could not be reached, so this decision was not saved and nothing changed. Try again in a moment.',
      );
    }
  }

  async function pick(
    rowKeys: readonly string[],
    rule: (row: SyncRow) => string | null,
  ): Promise<{ loaded: Loaded; rows: SyncRow[] } | ActionResult> {
    if (rowKeys.length === 0) return refuse('Select at least one row first.');
    const loaded = await load();
    const byKey = new Map(loaded.analysis.rows.map((r) => [r.key, r]));
    const rows: SyncRow[] = [];
    for (const key of rowKeys) {
      const row = byKey.get(key);
      if (!row) return refuse('A selected row no longer exists; refresh the table and try again.');
      const problem = rule(row);
      if (problem) return refuse(`“${row.name}”: ${problem}`);
      rows.push(row);
    }
    return { loaded, rows };
  }

  return {
    /** Drops link and snapshots; the entity is matched again (or waits for creation) next time. */
    async removeLink(rowKeys: readonly string[]): Promise<ActionResult> {
      const picked = await pick(rowKeys, (row) =>
        row.status === 'synchronized' && row.csoId && row.qboId
          ? null
          : 'Remove Link applies only to synchronized rows.',
      );
      if ('ok' in picked) return picked;
      const keys = picked.rows.map((r) => ({ csoType: r.typeId, csoId: r.csoId! }));
      const gone = new Set(keys.map((k) => pairKey({ type: k.csoType, id: k.csoId })));
      const refused = await share((current) => withoutRows(current, gone));
      if (refused) return refused;
      await clearHeldLinks(picked.loaded.world, ports, keys);
      await ports.links.remove(keys);
      // Until the next sync links it again by name, the row reads Waiting for Creation.
      const { mirror } = picked.loaded;
      const markers = picked.rows.map((r) => linkRemovedMarker(r.key, now()));
      const marked = new Set(markers.map((m) => m.rowKey));
      mirror.issues = [...mirror.issues.filter((i) => !(i.code === LINK_REMOVED && marked.has(i.rowKey))), ...markers];
      await ports.state.setIssues(mirror.issues);
      return { ok: true, changed: keys.length };
    },

    /** Treats error rows as synchronized until either side changes again. */
    async ignoreIssues(rowKeys: readonly string[]): Promise<ActionResult> {
      const picked = await pick(rowKeys, (row) =>
        row.status === 'error' ? null : 'Ignore Issues applies only to rows with a Synchronization Error.',
      );
      if ('ok' in picked) return picked;
      const { world, mirror } = picked.loaded;
      const at = now();
      const shared: SharedIgnore[] = picked.rows.map((row) => ({
        type: row.typeId,
        side: row.csoId ? 'cso' : 'qbo',
        id: (row.csoId ?? row.qboId)!,
        csoHash: row.csoHash,
        qboHash: row.qboHash,
        at,
      }));
      const refused = await share((current) => withDecisions(current, { ignores: shared }));
      if (refused) return refused;
      const links: Link[] = [];
      const markers: IgnoreMarker[] = [];
      for (const row of picked.rows) {
        const link = row.csoId ? linkOf(world, row.typeId, row.csoId) : undefined;
        if (link && row.issue?.code !== 'writeFailed')
          links.push({ ...link, ignoredIssue: { csoHash: row.csoHash, qboHash: row.qboHash, at } });
        else markers.push({ rowKey: row.key, csoHash: row.csoHash, qboHash: row.qboHash, at });
      }
      if (links.length) await ports.links.put(links);
      if (markers.length)
        await ports.state.setIgnores([
          ...mirror.ignores.filter((m) => !markers.some((n) => n.rowKey === m.rowKey)),
          ...markers,
        ]);
      return { ok: true, changed: picked.rows.length };
    },

    /**
     * Forgets every link, snapshot, cursor and journal of the connection (after the UI's
     * confirmation). Each formerly linked row keeps Remove Link's note: without it a pair that still
     * matches by name and agrees would read Synchronized at once, as if its link were still there.
     */
    async clearSyncHistory(): Promise<ActionResult> {
      const linked = await ports.links.all();
      if (ports.linkMirror) await clearHeldLinks((await load()).world, ports, linked);
      await ports.linkMirror?.unbind();
      await ports.links.clear();
      await ports.state.clear();
      await ports.journal.clear();
      const at = now();
      await ports.state.setIssues(linked.map((l) => linkRemovedMarker(csoRowKey(l.csoType, l.csoId), at)));
      return { ok: true, changed: linked.length };
    },

    /** Links a row to the near match its issue offers; CStoreOffice's spelling then goes to QBO. */
    async linkNearMatch(rowKey: string): Promise<ActionResult> {
      const picked = await pick([rowKey], (row) =>
        row.status === 'error' &&
        (row.issue?.code === 'nearMatch' || row.issue?.code === 'accountTwin') &&
        row.issue.other
          ? null
          : 'There is no near match to link for this row.',
      );
      if ('ok' in picked) return picked;
      const row = picked.rows[0]!;
      const other = row.issue!.other!;
      const { world } = picked.loaded;
      const csoId = other.side === 'cso' ? other.id : row.csoId!;
      const qboId = other.side === 'qbo' ? other.id : row.qboId!;
      const typeId = other.typeId;
      const entity = ENTITY_TYPES[typeId].qboEntity;
      const link = manualLink(world, typeId, csoId, qboId, now());
      if (!link) return refuse('One of the two records no longer exists; synchronize to refresh the table.');
      if (linkOf(world, typeId, csoId) || linksToQbo(world, entity, qboId).some((l) => l.csoType === typeId))
        return refuse('One of the two records is already linked.');
      const at = link.linkedAt;
      const refused = await share((current) =>
        withDecisions(current, {
          manualLinks: [{ type: typeId, id: csoId, qboId, at }],
          resolutions: [{ type: typeId, id: csoId, keep: 'cso', at }],
        }),
      );
      if (refused) return refused;
      await ports.links.put([link]);
      return { ok: true, changed: 1 };
    },

    /** Resolves a conflict: the kept side's values go to the other side on the next sync. */
    async resolveConflict(rowKey: string, keep: Side): Promise<ActionResult> {
      const picked = await pick([rowKey], (row) =>
        row.status === 'error' && row.issue?.code === 'conflict'
          ? null
          : 'Only a row changed on both sides can be resolved this way.',
      );
      if ('ok' in picked) return picked;
      const row = picked.rows[0]!;
      const { world } = picked.loaded;
      const link = linkOf(world, row.typeId, row.csoId!);
      const cso = csoList(world, row.typeId).get(row.csoId!);
      const qbo = link ? qboList(world, link.qboEntity).get(link.qboId) : undefined;
      if (!link || !cso || !qbo)
        return refuse('The link or one of its records no longer exists; synchronize to refresh the table.');
      // Stored as the user's decision: the next diff copies the kept side, whatever the snapshots say.
      const at = now();
      const refused = await share((current) =>
        withDecisions(current, { resolutions: [{ type: row.typeId, id: row.csoId!, keep, at }] }),
      );
      if (refused) return refused;
      await ports.links.put([{ ...link, ignoredIssue: null, resolution: { keep, at } }]);
      return { ok: true, changed: 1 };
    },
  };
}
