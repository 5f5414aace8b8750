/**
 * Clear Sync History for one connection, in one transaction: links, both mirrors, reserved names,
 * cursors, realm, issues, ignore markers and rows go together. Were they cleared one by one, a
 * worker killed halfway could leave links without the realm they were made with, and the realm
 * check would then accept a different QBO company for them. The run history stays: it is the log
 * of what was written, not sync state. The caller tells the row store once this has committed.
 */
import { type AppDb, prefixRange } from './app-db';

export async function clearConnectionState(db: AppDb, connectionKey: string): Promise<void> {
  await db.transaction('rw', [db.links, db.mirror, db.reserved, db.meta, db.issues, db.ignores, db.rows], async () => {
    await Promise.all([
      db.links
        .where('[connection+csoType+csoId]')
        .between(...prefixRange([connectionKey], 3), true, true)
        .delete(),
      db.mirror
        .where('[connection+side+list+id]')
        .between(...prefixRange([connectionKey], 4), true, true)
        .delete(),
      db.reserved
        .where('[connection+entity+id]')
        .between(...prefixRange([connectionKey], 3), true, true)
        .delete(),
      db.meta.delete(connectionKey),
      db.issues.where('connection').equals(connectionKey).delete(),
      db.ignores
        .where('[connection+rowKey]')
        .between(...prefixRange([connectionKey], 2), true, true)
        .delete(),
      db.rows
        .where('[connection+key]')
        .between(...prefixRange([connectionKey], 2), true, true)
        .delete(),
    ]);
  });
}
