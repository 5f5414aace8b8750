/**
 * Small node:http helpers shared by the sandboxes: read a request body, parse JSON or form bodies,
 * and send JSON / text / HTML / redirects with explicit headers.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage, maxBytes = 10 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > maxBytes) throw new BodyTooLargeError(`request body larger than ${maxBytes} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses JSON, returning `undefined` (not throwing) for an empty body and `SyntaxError` for bad JSON. */
export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  return JSON.parse(text) as unknown;
}

export function parseForm(text: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(text));
}

export function requestUrl(req: IncomingMessage): URL {
  return new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
}

export function send(
  res: ServerResponse,
  status: number,
  body: string,
  contentType: string,
  headers: OutgoingHttpHeaders = {},
): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { ...headers, 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
  contentType = 'application/json',
): void {
  send(res, status, JSON.stringify(body), contentType, headers);
}

export function sendHtml(res: ServerResponse, status: number, body: string, headers: OutgoingHttpHeaders = {}): void {
  send(res, status, body, 'text/html;charset=UTF-8', headers);
}

export function redirect(res: ServerResponse, location: string, headers: OutgoingHttpHeaders = {}, status = 302): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { ...headers, Location: location, 'Content-Length': 0 });
  res.end();
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
