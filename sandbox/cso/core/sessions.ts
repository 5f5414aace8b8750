// Users and sign-in sessions. A session is a random token in the PHPSESSID cookie (CStoreOffice is a
// PHP app). Sessions end on sign-out, after 30 idle minutes or 12 hours by the sandbox clock, or
// when the control API expires them.
import { randomBytes } from 'node:crypto';

export interface User {
  username: string;
  password: string;
  displayName: string;
  companyIds: string[] | 'all';
}

export interface Session {
  token: string;
  username: string;
  createdMs: number;
  lastSeenMs: number;
}

export const SESSION_COOKIE = 'PHPSESSID';
const IDLE_LIMIT_MS = 30 * 60_000;
const ABSOLUTE_LIMIT_MS = 12 * 60 * 60_000;

const DEFAULT_USERS: User[] = [
  { username: 'auditor@demo.test', password: 'demo', displayName: 'Demo Auditor', companyIds: 'all' },
  { username: 'clerk@demo.test', password: 'demo', displayName: 'Store Clerk', companyIds: ['2'] },
];

export type Sessions = ReturnType<typeof createSessions>;

export function createSessions(deps: { now: () => number; users?: User[] }) {
  const users = new Map((deps.users ?? DEFAULT_USERS).map((u) => [u.username.toLowerCase(), u]));
  const sessions = new Map<string, Session>();

  const alive = (s: Session, now: number) =>
    now - s.lastSeenMs < IDLE_LIMIT_MS && now - s.createdMs < ABSOLUTE_LIMIT_MS;

  return {
    user: (username: string) => users.get(username.toLowerCase()),
    /** Returns a new session token, or undefined when the credentials are wrong. */
    signIn(username: string, password: string): string | undefined {
      const user = users.get(username.trim().toLowerCase());
      if (!user || user.password !== password) return undefined;
      return this.open(user.username);
    },
    open(username: string): string {
      const token = randomBytes(18).toString('base64url');
      const now = deps.now();
      sessions.set(token, { token, username, createdMs: now, lastSeenMs: now });
      return token;
    },
    /** The signed-in user for a token; refreshes the idle timer. */
    resolve(token: string | undefined): User | undefined {
      const s = token ? sessions.get(token) : undefined;
      if (!s) return undefined;
      const now = deps.now();
      if (!alive(s, now)) {
        sessions.delete(s.token);
        return undefined;
      }
      s.lastSeenMs = now;
      return users.get(s.username.toLowerCase());
    },
    signOut(token: string | undefined) {
      if (token) sessions.delete(token);
    },
    /** Ends every session (or one user's); returns how many ended. */
    expire(username?: string): number {
      let count = 0;
      for (const [token, s] of sessions) {
        if (!username || s.username.toLowerCase() === username.toLowerCase()) {
          sessions.delete(token);
          count++;
        }
      }
      return count;
    },
    clear: () => sessions.clear(),
    count: () => sessions.size,
    mayAudit: (user: User, companyId: string) => user.companyIds === 'all' || user.companyIds.includes(companyId),
  };
}
