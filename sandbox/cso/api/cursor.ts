// List cursors: opaque base64url JSON carrying the last change sequence seen and the listing's
// filter, so a client only needs to echo `nextCursor` back.
export interface CursorState {
  afterSeq: number;
  sinceMs: number | null;
}

export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify({ v: 1, s: state.afterSeq, u: state.sinceMs })).toString('base64url');
}

export function decodeCursor(cursor: string): CursorState | undefined {
  try {
    const raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      v?: unknown;
      s?: unknown;
      u?: unknown;
    };
    if (raw.v !== 1 || !Number.isSafeInteger(raw.s) || (raw.u !== null && !Number.isFinite(raw.u))) return undefined;
    return { afterSeq: raw.s as number, sinceMs: raw.u as number | null };
  } catch {
    return undefined;
  }
}
