/**
 * What the toolbar shows without being opened: the badge counts rows in Synchronization Error
 * across connected companies, and a notification says when a run stopped in a way only the user
 * can fix (reconnect to QBO, sign in to CStoreOffice), or when an automatic run held deletions back
 * for the user's review.
 */
export interface ActionApi {
  setBadgeText(details: { text: string }): unknown;
  setBadgeBackgroundColor(details: { color: string }): unknown;
}

export interface NotificationsApi {
  create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): unknown;
}

export function badgeText(errors: number): string {
  if (errors <= 0) return '';
  return errors > 999 ? '999+' : String(errors);
}

export function createAttention(deps: {
  action: ActionApi;
  notifications: NotificationsApi;
  iconUrl: string;
  errorCount: () => Promise<number>;
}) {
  // The held rows each company was last told about: the alarm's next runs hold the same ones again.
  const told = new Map<string, string>();
  return {
    async refreshBadge(): Promise<void> {
      const errors = await deps.errorCount();
      await deps.action.setBadgeBackgroundColor({ color: '#c62828' });
      await deps.action.setBadgeText({ text: badgeText(errors) });
    },
    /** An automatic run held deletions or a first sync's creates back: told once per company and list, not at every run. */
    notifyHeld(companyName: string, message: string, rowKeys: readonly string[]): void {
      const signature = [...rowKeys].sort().join('\n');
      if (told.get(companyName) === signature) return;
      told.set(companyName, signature);
      deps.notifications.create(`qsm-held-${companyName}`, {
        type: 'basic',
        iconUrl: deps.iconUrl,
        title: `Changes wait for your review in ${companyName}`,
        message: `${message} Open the QB Synchronization Manager to review them.`,
      });
    },
    notifyStop(companyName: string, kind: string, message: string): void {
      if (kind !== 'reconnect' && kind !== 'signIn') return;
      const title = kind === 'reconnect' ? `Connect ${companyName} to QuickBooks again` : 'Sign in to CStoreOffice';
      // One notification per company and kind: a repeat replaces it instead of piling up.
      deps.notifications.create(`qsm-${kind}-${companyName}`, { type: 'basic', iconUrl: deps.iconUrl, title, message });
    },
  };
}
