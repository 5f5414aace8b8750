/**
 * The table's row actions as the background runs them: which engine action each one is. Their
 * words and rules live in lib/messaging/row-actions.ts, shared with the panel.
 */
import type { ActionReply, RowAction } from '@/lib/messaging/protocol';
import { ROW_ACTIONS } from '@/lib/messaging/row-actions';
import type { SyncEngine } from '@/lib/sync';

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
      return { ok: true, changed: 0, message: ROW_ACTIONS.reconnect.doneSentence };
    case 'linkNearMatch':
    case 'keepCso':
    case 'keepQbo': {
      const key = ROW_ACTIONS[action].single ? only() : null;
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
  return {
    ok: true,
    changed: result.changed,
    message: `${ROW_ACTIONS[action].doneSentence}${action === 'clearSyncHistory' ? '' : plural}.`,
  };
}
