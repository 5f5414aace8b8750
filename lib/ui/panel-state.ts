/** What the inline button and the manager share on the Audit page. */
import type { CompanyRef } from '@/lib/messaging/protocol';

export interface PanelState {
  /** The company chosen in the Audit page's Company dropdown; the manager follows it while open. */
  company: CompanyRef | null;
  /** The signed-in CStoreOffice user the page shows, named in History for runs started here. */
  user: string | null;
  open: boolean;
}
