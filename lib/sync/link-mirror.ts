/**
 * The port for the links CStoreOffice holds (contract v1.3): each CStoreOffice record may carry its
 * QuickBooks link, and those links are the record of truth; the LinkStore is their cache. A source
 * that can hold links reports each record's link as `qboLink`: the QBO id it is linked to in this
 * connection's realm, or null for none (a link to another realm is stale: none). A server that cannot
 * hold links leaves `qboLink` out, and the links stay in the browser as before. `qboLink` is never a
 * compared field: writing it changes the record's version, not its values.
 */
import type { EntityTypeId } from '../entities';

export interface LinkWrite {
  list: EntityTypeId;
  id: string;
  /** The record's revision (If-Match). */
  revision: string;
  /** The QBO id to hold, or null to clear the link. */
  qboId: string | null;
}

export type LinkWriteResult =
  /** The record's revision after the write. */
  | { ok: true; revision: string; updatedAt: string | null }
  /** Refused for this record (it changed meanwhile, is gone, or another record holds that link). */
  | { ok: false; reason: string };

export interface LinkMirror {
  /**
   * True once the company is bound to this connection's realm (binding it on first use), false when
   * the server cannot hold links. Rejects when the company is bound to another realm.
   */
  ready(): Promise<boolean>;
  /**
   * Clear Sync History: the company is no longer bound to this realm (after its links are cleared),
   * so it may be connected to another QuickBooks company. Nothing to do on a server without links.
   */
  unbind(): Promise<void>;
  /** Writes the links, a few at a time; one result per write, in order. */
  write(writes: LinkWrite[]): Promise<LinkWriteResult[]>;
}
