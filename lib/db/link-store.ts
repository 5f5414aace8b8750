/** The engine's LinkStore for one connection, over the `links` table. */
import type { LinkStore } from '../sync/ports';
import type { Link } from '../sync/types';
import { type AppDb, type LinkRow, prefixRange } from './app-db';

export function createLinkStore(db: AppDb, connectionKey: string): LinkStore {
  const mine = () => db.links.where('[connection+csoType+csoId]').between(...prefixRange([connectionKey], 3), true, true);
  return {
    async all() {
      const rows = await mine().toArray();
      return rows.map(({ connection: _c, ...link }): Link => link);
    },
    async put(links) {
      if (links.length === 0) return;
      await db.links.bulkPut(links.map((link): LinkRow => ({ ...link, connection: connectionKey })));
    },
    async remove(keys) {
      if (keys.length === 0) return;
      await db.links.bulkDelete(keys.map((k): [string, string, string] => [connectionKey, k.csoType, k.csoId]));
    },
    async clear() {
      await mine().delete();
    },
  };
}

/** The links that point at one QBO record (a shared vendor has two), for the table's detail view. */
export async function linksToQboRecord(db: AppDb, connectionKey: string, qboEntity: string, qboId: string): Promise<Link[]> {
  const rows = await db.links.where('[connection+qboEntity+qboId]').equals([connectionKey, qboEntity, qboId]).toArray();
  return rows.map(({ connection: _c, ...link }) => link);
}
