/**
 * The port through which tokens are kept (IndexedDB through Dexie in the background; in memory in
 * tests). Tokens stay in the background: no other context reads this store.
 */
export type ConnectionStatus = 'connected' | 'reconnect-needed';

export interface StoredConnection {
  /** The CStoreOffice company this connection belongs to (one connection per company). */
  companyId: string;
  realmId: string;
  accessToken: string;
  refreshToken: string;
  /** Epoch ms. */
  accessExpiresAt: number;
  refreshExpiresAt: number;
  /** Intuit's 5-year absolute cap, when the broker reports it. */
  refreshHardExpiresAt: number | null;
  status: ConnectionStatus;
  /** Why a connection needs a new sign-in: its refresh token ran out, or QuickBooks refused it. */
  lostReason?: 'expired' | 'refused';
  connectedAt: number;
  updatedAt: number;
}

export interface TokenStore {
  get(companyId: string): Promise<StoredConnection | undefined>;
  put(connection: StoredConnection): Promise<void>;
  delete(companyId: string): Promise<void>;
}
