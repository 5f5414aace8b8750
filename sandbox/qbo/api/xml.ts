/**
 * QBO answers XML unless the client asks for JSON (Accept or `format=json`). This renders the JSON
 * shape as IntuitResponse XML: good enough for a client to notice it forgot to ask for JSON.
 */
import { escapeHtml } from '../../common/index';

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => element(name, v)).join('');
  if (typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => element(k, v))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeHtml(value)}</${name}>`;
}

export function toIntuitXml(body: Record<string, unknown>): string {
  const { time, ...rest } = body;
  const inner = Object.entries(rest)
    .map(([k, v]) => element(k, v))
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><IntuitResponse xmlns="http://schema.intuit.com/finance/v3" time="${escapeHtml(time)}">${inner}</IntuitResponse>`;
}
