/**
 * CStoreOffice's shared decisions (contract v1.3 sync state) in memory, for the engine's
 * `decisions` port: shared only while the company is bound to the connection's realm (unbinding
 * empties them, as the contract says), with a version that moves on every write, and switches for
 * an outage and for another browser writing between a read and a write.
 */
import type { DecisionBoard, SharedDecisions } from '../../lib/sync';

const none = (): SharedDecisions => ({ ignores: [], manualLinks: [], resolutions: [] });

export function createFakeDecisionBoard(options: { realmId: string; boundRealm: () => string | null }) {
  let decisions = none();
  let version = 0;
  let down = false;
  let meddle: ((d: SharedDecisions) => SharedDecisions) | null = null;
  const bound = () => {
    if (options.boundRealm() === options.realmId) return true;
    decisions = none();
    return false;
  };
  const board: DecisionBoard = {
    async read() {
      if (down) throw new Error('CStoreOffice is unavailable');
      return bound() ? structuredClone(decisions) : null;
    },
    async change(edit) {
      if (down) throw new Error('CStoreOffice is unavailable');
      if (!bound()) return false;
      const seen = version;
      const next = edit(structuredClone(decisions));
      // Another browser writes between our read and our write: ours is refused (412) and made again.
      if (meddle) {
        decisions = meddle(decisions);
        version++;
        meddle = null;
      }
      if (seen !== version) return board.change(edit);
      decisions = next;
      version++;
      return true;
    },
  };
  return {
    board,
    /** What CStoreOffice holds now. */
    held: () => structuredClone(decisions),
    setDown(isDown: boolean) {
      down = isDown;
    },
    /** The next change meets a write made by another browser after it read. */
    meddleOnce(edit: (d: SharedDecisions) => SharedDecisions) {
      meddle = edit;
    },
  };
}
