/**
 * The live status stream: the panel and popup open a port to the background and receive run
 * progress and "rows changed" notices as they happen. A port also keeps the worker awake while a
 * surface is watching; when the worker restarts, the surface reconnects.
 */
import { browser } from 'wxt/browser';
import type { CompanySummary, RunStatus } from './protocol';

const STATUS_PORT_NAME = 'qsm-status';

export type StatusEvent =
  | { type: 'run'; status: RunStatus }
  | { type: 'rowsChanged'; companyId: string; origin: string }
  | { type: 'company'; summary: CompanySummary }
  /** The read after Connect or Reconnect began (reading) or ended, with why it failed (error). */
  | { type: 'reading'; companyId: string; origin: string; reading: boolean; error: string | null }
  /** Outside a run (Reconnect, Preview, a row action): a wait before QBO is asked again, or its end (null). */
  | { type: 'waiting'; companyId: string; origin: string; waiting: { why: string; until: string } | null };

type Port = ReturnType<typeof browser.runtime.connect>;

/** Surfaces: listen until the returned function is called, reconnecting after a worker restart. */
export function subscribeStatus(onEvent: (event: StatusEvent) => void, retryMs = 1000): () => void {
  let port: Port | null = null;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const open = () => {
    if (stopped) return;
    try {
      port = browser.runtime.connect({ name: STATUS_PORT_NAME });
    } catch {
      // The extension was reloaded under this page; nothing to listen to any more.
      return;
    }
    port.onMessage.addListener((message: unknown) => onEvent(message as StatusEvent));
    port.onDisconnect.addListener(() => {
      port = null;
      timer = setTimeout(open, retryMs);
    });
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    port?.disconnect();
  };
}

/** Background: keeps the open ports and sends every event to all of them. */
export function createStatusHub() {
  const ports = new Set<Port>();
  return {
    attach(port: Port) {
      if (port.name !== STATUS_PORT_NAME) return;
      ports.add(port);
      port.onDisconnect.addListener(() => ports.delete(port));
    },
    publish(event: StatusEvent) {
      for (const port of ports) {
        try {
          port.postMessage(event);
        } catch {
          ports.delete(port);
        }
      }
    },
    get size() {
      return ports.size;
    },
  };
}

export type StatusHub = ReturnType<typeof createStatusHub>;
