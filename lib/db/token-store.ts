/**
 * The auth TokenStore over the `connections` table. Only the background opens the database, so
 * tokens never reach a content script. The background keys connections by the company key
 * (`companyKey(origin, companyId)`), like every other per-company table.
 */
import type { StoredConnection, TokenStore } from '../auth/token-store';
import type { AppDb } from './app-db';

export function createDbTokenStore(db: AppDb): TokenStore {
  return {
    async get(companyId) {
      return db.connections.get(companyId);
    },
    async put(connection: StoredConnection) {
      await db.connections.put(connection);
    },
    async delete(companyId) {
      await db.connections.delete(companyId);
    },
  };
}
