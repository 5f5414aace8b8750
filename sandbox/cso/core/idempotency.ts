// Remembers the answer to each create made with an Idempotency-Key, so a repeat (a retry after a
// lost response) gets the first answer instead of a second record. Keys live 24 hours.
export interface RememberedAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  fingerprint: string;
  atMs: number;
}

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60_000;

export type IdempotencyCache = ReturnType<typeof createIdempotencyCache>;

export function createIdempotencyCache(deps: { now: () => number }) {
  const answers = new Map<string, RememberedAnswer>();
  return {
    get(scope: string, key: string): RememberedAnswer | undefined {
      const found = answers.get(`${scope}|${key}`);
      if (found && deps.now() - found.atMs > IDEMPOTENCY_TTL_MS) {
        answers.delete(`${scope}|${key}`);
        return undefined;
      }
      return found;
    },
    remember(scope: string, key: string, answer: Omit<RememberedAnswer, 'atMs'>) {
      answers.set(`${scope}|${key}`, { ...answer, atMs: deps.now() });
    },
    clear: () => answers.clear(),
    size: () => answers.size,
  };
}
