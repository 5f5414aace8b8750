/**
 * Intuit's token semantics, without HTTP: single-use authorization codes, 3600 s access tokens,
 * refresh tokens that rotate on every refresh and stay usable for 24 h after a newer one is issued,
 * a 5-year hard cap per grant, and revocation of a whole grant by either of its tokens.
 */
import { randomBytes } from 'node:crypto';
import { LIMITS } from '../options';

export interface Grant {
  id: string;
  clientId: string;
  realmId: string;
  scopes: string[];
  createdMs: number;
  hardExpiresMs: number;
  revoked: boolean;
}

export interface IssuedTokens {
  grant: Grant;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  refreshExpiresIn: number;
  hardExpiresIn: number;
}

export type TokenError = 'invalid_grant' | 'expired' | 'revoked' | 'unknown';

interface CodeRec {
  clientId: string;
  redirectUri: string;
  realmId: string;
  scopes: string[];
  expiresMs: number;
  used: boolean;
  grantId?: string;
}
interface AccessRec {
  grantId: string;
  expiresMs: number;
}
interface RefreshRec {
  grantId: string;
  expiresMs: number;
  supersededMs?: number;
}

const opaque = (prefix: string, bytes: number): string => `${prefix}${randomBytes(bytes).toString('base64url')}`;

export function createTokenStore(deps: { now: () => number }) {
  let codes = new Map<string, CodeRec>();
  let grants = new Map<string, Grant>();
  let access = new Map<string, AccessRec>();
  let refresh = new Map<string, RefreshRec>();
  let grantSeq = 0;

  const issue = (grant: Grant): IssuedTokens => {
    const now = deps.now();
    // Real access tokens are JWE-shaped; clients only need them opaque and long.
    const accessToken = opaque('eyJlbmMiOiJBMTI4Q0JDLUhTMjU2IiwiYWxnIjoiZGlyIn0..', 96);
    const refreshToken = opaque(`AB11${Math.floor(now / 1000)}`, 24);
    for (const rec of refresh.values()) {
      if (rec.grantId === grant.id && rec.supersededMs === undefined) rec.supersededMs = now;
    }
    access.set(accessToken, { grantId: grant.id, expiresMs: now + LIMITS.accessTokenSeconds * 1000 });
    const refreshExpires = Math.min(now + LIMITS.refreshTokenSeconds * 1000, grant.hardExpiresMs);
    refresh.set(refreshToken, { grantId: grant.id, expiresMs: refreshExpires });
    return {
      grant,
      accessToken,
      refreshToken,
      expiresIn: LIMITS.accessTokenSeconds,
      refreshExpiresIn: Math.floor((refreshExpires - now) / 1000),
      hardExpiresIn: Math.floor((grant.hardExpiresMs - now) / 1000),
    };
  };

  const newGrant = (clientId: string, realmId: string, scopes: string[]): Grant => {
    const now = deps.now();
    grantSeq += 1;
    const grant = {
      id: String(grantSeq),
      clientId,
      realmId,
      scopes,
      createdMs: now,
      hardExpiresMs: now + LIMITS.refreshHardSeconds * 1000,
      revoked: false,
    };
    grants.set(grant.id, grant);
    return grant;
  };

  return {
    issueCode(input: { clientId: string; redirectUri: string; realmId: string; scopes: string[] }): string {
      const code = opaque('AB1', 48);
      codes.set(code, { ...input, expiresMs: deps.now() + LIMITS.authCodeSeconds * 1000, used: false });
      return code;
    },
    exchangeCode(input: { clientId: string; code: string; redirectUri: string }): IssuedTokens | TokenError {
      const rec = codes.get(input.code);
      if (!rec || rec.clientId !== input.clientId) return 'invalid_grant';
      if (rec.used) {
        // A replayed code is treated as stolen: the grant it produced dies too (RFC 6749 §4.1.2).
        const grant = rec.grantId ? grants.get(rec.grantId) : undefined;
        if (grant) grant.revoked = true;
        return 'invalid_grant';
      }
      rec.used = true;
      if (rec.expiresMs <= deps.now() || rec.redirectUri !== input.redirectUri) return 'invalid_grant';
      const grant = newGrant(rec.clientId, rec.realmId, rec.scopes);
      rec.grantId = grant.id;
      return issue(grant);
    },
    refresh(input: { clientId: string; refreshToken: string }): IssuedTokens | TokenError {
      const rec = refresh.get(input.refreshToken);
      const grant = rec ? grants.get(rec.grantId) : undefined;
      if (!rec || !grant || grant.revoked || grant.clientId !== input.clientId) return 'invalid_grant';
      const now = deps.now();
      if (rec.expiresMs <= now) return 'invalid_grant';
      if (rec.supersededMs !== undefined && rec.supersededMs + LIMITS.refreshGraceSeconds * 1000 <= now)
        return 'invalid_grant';
      return issue(grant);
    },
    mint(input: { clientId: string; realmId: string; scopes: string[] }): IssuedTokens {
      return issue(newGrant(input.clientId, input.realmId, input.scopes));
    },
    /** Revokes the grant behind an access or refresh token; unknown tokens are ignored. */
    revoke(token: string, killAccess: boolean): boolean {
      const grantId = refresh.get(token)?.grantId ?? access.get(token)?.grantId;
      const grant = grantId ? grants.get(grantId) : undefined;
      if (!grant) return false;
      grant.revoked = true;
      if (!killAccess)
        for (const [t, a] of access) if (a.grantId === grant.id) access.set(t, { ...a, grantId: `kept:${grant.id}` });
      return true;
    },
    checkAccess(token: string): { grant: Grant } | { error: TokenError } {
      const rec = access.get(token);
      if (!rec) return { error: 'unknown' };
      const kept = rec.grantId.startsWith('kept:');
      const grant = grants.get(kept ? rec.grantId.slice(5) : rec.grantId);
      if (!grant) return { error: 'unknown' };
      if (grant.revoked && !kept) return { error: 'revoked' };
      if (rec.expiresMs <= deps.now()) return { error: 'expired' };
      return { grant };
    },
    reset(): void {
      codes = new Map();
      grants = new Map();
      access = new Map();
      refresh = new Map();
    },
  };
}

export type TokenStore = ReturnType<typeof createTokenStore>;
