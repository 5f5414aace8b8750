/**
 * Connect to QBO and Disconnect for one CStoreOffice company: Intuit's sign-in through the browser,
 * the code exchanged through the broker, and the QBO company's name fetched for the surfaces.
 */
import { BrokerError, createConnectFlow } from '@/lib/auth';
import type { QboCompanyPrefs } from '@/lib/qbo';
import type { ConnectionMeta } from '@/lib/storage/items';
import { type QboAccess, qboEnvironmentOf } from './qbo-access';

export interface ConnectionMetaStore {
  get(key: string): Promise<ConnectionMeta | undefined>;
  put(key: string, meta: ConnectionMeta): Promise<void>;
  remove(key: string): Promise<void>;
}

export type ConnectOutcome = { ok: true; meta: ConnectionMeta } | { ok: false; message: string };

export function createConnectService(deps: {
  access: QboAccess;
  meta: ConnectionMetaStore;
  /** The realm the company's links were made with, if it has any. */
  linkedRealm: (companyKey: string) => Promise<string | null>;
  /** Every company the extension knows (any CStoreOffice origin), to find another one on a realm. */
  companies: () => Promise<{ key: string; companyName: string | null; companyId: string; origin: string }[]>;
  launchWebAuthFlow: (url: string) => Promise<string | undefined>;
  redirectUri: string;
  now: () => Date;
}) {
  return {
    async connect(companyKey: string): Promise<ConnectOutcome> {
      const { broker, manager, settings } = await deps.access.tokens();
      let clientId: string;
      try {
        clientId = (await broker.config()).clientId;
      } catch (error) {
        const why = error instanceof BrokerError ? error.message : String(error);
        return {
          ok: false,
          message: `The token service at ${settings.brokerUrl} could not be reached (${why}). Check the broker URL in the options.`,
        };
      }
      const flow = createConnectFlow({
        environment: qboEnvironmentOf(settings),
        clientId,
        redirectUri: deps.redirectUri,
        launchWebAuthFlow: deps.launchWebAuthFlow,
        tokens: manager,
      });
      const holderOf = async (realmId: string) => realmHolder(await deps.companies(), deps.meta, realmId, companyKey);
      const result = await flow.connect(companyKey, await deps.linkedRealm(companyKey), holderOf);
      if (!result.ok) return { ok: false, message: result.message };
      let qboCompanyName = `QuickBooks company ${result.realmId}`;
      let qboPrefs: QboCompanyPrefs | undefined;
      try {
        const client = await deps.access.client(companyKey, result.realmId);
        qboCompanyName = (await client.companyInfo()).CompanyName ?? qboCompanyName;
        // Which lists the company uses: with tracking off QuickBooks takes no classes or locations.
        qboPrefs = await client.companyPreferences();
      } catch {
        // Connected all the same: the name is shown as the realm, and the settings are read again
        // at the next Reconnect; until then the sync assumes every list is in use, as before.
      }
      const meta: ConnectionMeta = {
        realmId: result.realmId,
        qboCompanyName,
        environment: settings.environment,
        connectedAt: deps.now().toISOString(),
        ...(qboPrefs ? { qboPrefs } : {}),
      };
      await deps.meta.put(companyKey, meta);
      return { ok: true, meta };
    },

    async disconnect(companyKey: string): Promise<{ revoked: boolean }> {
      const { manager } = await deps.access.tokens();
      const result = await manager.disconnect(companyKey);
      await deps.meta.remove(companyKey);
      return result;
    },
  };
}

export type ConnectService = ReturnType<typeof createConnectService>;

/** Another company (any CStoreOffice origin) connected to `realmId`, in words; null when there is none. */
export async function realmHolder(
  companies: readonly { key: string; companyName: string | null; companyId: string; origin: string }[],
  meta: Pick<ConnectionMetaStore, 'get'>,
  realmId: string,
  exceptKey: string,
): Promise<string | null> {
  for (const other of companies) {
    if (other.key === exceptKey || (await meta.get(other.key))?.realmId !== realmId) continue;
    return `“${other.companyName ?? `company ${other.companyId}`}” (${new URL(other.origin).host})`;
  }
  return null;
}
