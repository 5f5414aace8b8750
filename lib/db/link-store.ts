/** The engine's LinkStore for one connection, over the `links` table. */
import type { LinkStore } from '../sync/ports';
import type { Link } from '../sync/types';
import { type AppDb, type LinkRow, prefixRange } from './app-db';

export function createLinkStore(db: AppDb, connectionKey: string): LinkStore {
  const mine = () =>
    db.links.where('[connection+csoType+csoId]').between(...prefixRange([connectionKey], 3), true, true);
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
