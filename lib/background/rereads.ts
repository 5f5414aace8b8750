/**
 * The read Connect and Reconnect start by themselves: both sides read in full and every row
 * recomputed, so the table lists them without another click. One per company at a time: a second
 * Connect while one is going joins it instead of reading everything twice (QBO's limits count every
 * request). Its start and end go to the surfaces, which show progress meanwhile and the end's error.
 */
import type { StatusHub } from '@/lib/messaging/status-port';
import { describeStop } from './run-errors';
import type { SyncTarget } from './sync-target';

export function createRereads(deps: { hub: Pick<StatusHub, 'publish'>; read: (target: SyncTarget) => Promise<void> }) {
  const going = new Map<string, Promise<void>>();

  const tell = (target: SyncTarget, reading: boolean, error: string | null) =>
    deps.hub.publish({ type: 'reading', companyId: target.companyId, origin: target.origin, reading, error });

  async function read(target: SyncTarget): Promise<void> {
    let error: string | null = null;
    try {
      await deps.read(target);
    } catch (e) {
      error = describeStop(e).message;
    } finally {
      // Forgotten before its end is told, so a surface that asks at once hears the read is over.
      going.delete(target.key);
    }
    tell(target, false, error);
  }

  return {
    /** Starts the company's read, or joins the one going; never rejects (its error is told). */
    start(target: SyncTarget): Promise<void> {
      const current = going.get(target.key);
      if (current) return current;
      tell(target, true, null);
      const promise = read(target);
      going.set(target.key, promise);
      return promise;
    },
    reading: (key: string): boolean => going.has(key),
  };
}
