// Reading the session cookie, and the cookie headers that open and close a session.
import type { IncomingMessage } from 'node:http';
import type { CsoApp } from './app';
import { SESSION_COOKIE, type User } from './core/sessions';

export function sessionToken(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export function currentUser(app: CsoApp, req: IncomingMessage): User | undefined {
  return app.sessions.resolve(sessionToken(req));
}

// HttpOnly: page scripts (and content scripts) never read it. SameSite=Lax is the browsers' default.
export const openSessionCookie = (token: string) => `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax`;
export const closeSessionCookie = () => `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
