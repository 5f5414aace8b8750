/**
 * The table's row actions as the background runs them: which engine action each one is, and the
 * words the user reads when it is done.
 */
import type { ActionReply, RowAction } from '@/lib/messaging/protocol';
import type { SyncEngine } from '@/lib/sync';

const ACTION_WORDS: Record<RowAction, string> = {
  removeLink: 'Link removed',
  ignoreIssues: 'Issue ignored',
  clearSyncHistory: 'Sync history cleared: the next Synchronize matches every entity by name again',
  reconnect: 'QuickBooks re-read and every status recomputed',
  linkNearMatch: 'Linked to the near match',
  keepCso: 'CStoreOffice’s version will be kept',
  keepQbo: 'QuickBooks’s version will be kept',
};

export async function runAction(engine: SyncEngine, action: RowAction, rowKeys: string[]): Promise<ActionReply> {
  const only = (): string | null => (rowKeys.length === 1 ? rowKeys[0]! : null);
  let result;
  switch (action) {
    case 'removeLink':
      result = await engine.actions.removeLink(rowKeys);
      break;
    case 'ignoreIssues':
      result = await engine.actions.ignoreIssues(rowKeys);
      break;
    case 'clearSyncHistory':
      result = await engine.actions.clearSyncHistory();
      break;
    case 'reconnect':
      return { ok: true, changed: 0, message: ACTION_WORDS.reconnect };
    case 'linkNearMatch':
    case 'keepCso':
    case 'keepQbo': {
      const key = only();
      if (!key) return { ok: false, message: 'Choose one row for this action.' };
      result =
        action === 'linkNearMatch'
          ? await engine.actions.linkNearMatch(key)
          : await engine.actions.resolveConflict(key, action === 'keepCso' ? 'cso' : 'qbo');
      break;
    }
  }
  if (!result.ok) return result;
  const plural = result.changed === 1 ? '' : ` (${result.changed} rows)`;
  return { ok: true, changed: result.changed, message: `${ACTION_WORDS[action]}${action === 'clearSyncHistory' ? '' : plural}.` };
}
