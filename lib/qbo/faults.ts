/**
 * Turns any error answer QBO sends into a typed error. QBO speaks several dialects: the normal
 * upper-case `Fault`, the gateway's lower-case `fault` on 401/403, an XML Fault on 429 (even when
 * JSON was asked for), OAuth-style `{error, error_description}`, and HTML pages from a gateway on 5xx.
 */
import { createQboError, type FaultEntry, type QboApiError } from './errors';

type Json = Record<string, unknown>;

const str = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads one Error entry in either case convention (`Message`/`message`, `Detail`/`detail`). */
function entryFrom(raw: unknown): FaultEntry {
  const e = isObject(raw) ? raw : {};
  return {
    code: str(e.code ?? e.Code),
    message: str(e.Message ?? e.message),
    detail: str(e.Detail ?? e.detail),
    element: str(e.element ?? e.Element),
  };
}

/** The gateway writes `message=AuthenticationFailed; errorCode=003200; ...`: recover the code from it. */
function codeFromGatewayMessage(message: string): string {
  const match = /errorCode=0*(\d+)/.exec(message);
  return match?.[1] ?? '';
}

/** Parses a Fault object (`{Error:[...], type}` or `{error:[...], type}`) into its entries and type. */
function readFaultObject(fault: unknown): { entries: FaultEntry[]; type: string } {
  const f = isObject(fault) ? fault : {};
  const list = f.Error ?? f.error;
  const entries = (Array.isArray(list) ? list : list === undefined ? [] : [list]).map(entryFrom);
  for (const entry of entries) if (!entry.code) entry.code = codeFromGatewayMessage(entry.message);
  return { entries, type: str(f.type) };
}

function fromJson(body: Json): { entries: FaultEntry[]; type: string } | undefined {
  const fault = body.Fault ?? body.fault;
  if (fault !== undefined && fault !== null) return readFaultObject(fault);
  if (typeof body.error === 'string') {
    return {
      entries: [{ code: body.error, message: body.error, detail: str(body.error_description), element: '' }],
      type: 'OAUTH',
    };
  }
  return undefined;
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
  '&amp;': '&',
};
const unescapeXml = (s: string): string => s.replace(/&(lt|gt|quot|apos|amp);/g, (m) => XML_ENTITIES[m] ?? m).trim();

function fromXml(text: string): { entries: FaultEntry[]; type: string } | undefined {
  const fault = /<Fault\b([^>]*)>([\s\S]*?)<\/Fault>/i.exec(text);
  if (!fault) return undefined;
  const type = /type="([^"]*)"/i.exec(fault[1] ?? '')?.[1] ?? '';
  const entries = [...(fault[2] ?? '').matchAll(/<Error\b([^>]*)>([\s\S]*?)<\/Error>/gi)].map((m) => {
    const inner = m[2] ?? '';
    const tag = (name: string): string =>
      unescapeXml(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'i').exec(inner)?.[1] ?? '');
    const message = tag('Message');
    const code = /code="([^"]*)"/i.exec(m[1] ?? '')?.[1] ?? codeFromGatewayMessage(message);
    return { code, message, detail: tag('Detail'), element: /element="([^"]*)"/i.exec(m[1] ?? '')?.[1] ?? '' };
  });
  return { entries, type };
}

function fromHtml(text: string): string | undefined {
  if (!/<html|<!doctype html|<title/i.test(text)) return undefined;
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text)?.[1];
  const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(text)?.[1];
  return unescapeXml((title ?? heading ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '));
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const STATUS_WORDS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Builds the typed error for an HTTP answer, whatever its body looks like. */
export function parseErrorResponse(status: number, bodyText: string, intuitTid = ''): QboApiError {
  const json = tryJson(bodyText);
  const parsed = (isObject(json) ? fromJson(json) : undefined) ?? fromXml(bodyText);
  const first = parsed?.entries[0];
  if (parsed && first) {
    return createQboError({
      status,
      ...first,
      message: first.message || STATUS_WORDS[status] || `HTTP ${status}`,
      intuitTid,
      faultType: parsed.type,
      errors: parsed.entries,
    });
  }
  const html = fromHtml(bodyText);
  const words = STATUS_WORDS[status] ?? 'Unexpected answer';
  const snippet = html ?? bodyText.replace(/\s+/g, ' ').trim().slice(0, 200);
  return createQboError({
    status,
    code: String(status),
    message: `QuickBooks answered HTTP ${status} (${words})`,
    detail: snippet,
    intuitTid,
    faultType: html !== undefined ? 'HTML' : '',
  });
}

/** A Fault carried inside a 2xx body (a batch item's `Fault`, or a whole 200 answer with a Fault). */
export function faultToError(fault: unknown, status: number, intuitTid = ''): QboApiError {
  const { entries, type } = readFaultObject(fault);
  const first = entries[0] ?? {
    code: '',
    message: 'QuickBooks reported a fault without details',
    detail: '',
    element: '',
  };
  return createQboError({ status, ...first, intuitTid, faultType: type, errors: entries.length ? entries : [first] });
}
