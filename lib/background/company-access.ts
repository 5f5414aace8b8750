/**
 * Which company a message is about, and whether the sender may speak for it. A content script
 * speaks only for its own page's origin, and the company id it sends comes from the page's DOM,
 * which any page script can change: CStoreOffice's own list of companies the signed-in user may
 * audit decides before anything is written, and names the company.
 */
import type { Sender } from '@/lib/messaging/handle';
import type { CompanyTarget } from '@/lib/messaging/protocol';
import { type AppDb, type CompanyRow, companyKey } from '@/lib/db';

export interface CompanyAccessDeps {
  db: AppDb;
  /** The companies CStoreOffice itself lists for the signed-in user at `origin` (its `/companies`). */
  auditableCompanies: (origin: string) => Promise<{ id: string; name: string }[]>;
  now?: () => number;
}

/** CStoreOffice could not be asked (signed out, offline): the company is neither confirmed nor refused. */
class UncheckedCompanyError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** How long CStoreOffice's word that the user may audit a company is taken before asking again. */
const VERIFIED_FOR_MS = 10 * 60_000;

const senderOrigin = (sender: Sender): string | null => {
  const url = sender.origin ?? sender.url;
  if (!url) return null;
  const origin = new URL(url).origin;
  return origin.startsWith('http') ? origin : null;
};

/**
 * Who pressed Synchronize, in words for History: the user the Audit page shows, or "You" from the
 * toolbar (an extension page: it cannot know the CStoreOffice user, and a name it sends is not taken).
 */
export function whoAsked(user: string | undefined, sender: Sender): string {
  if (!senderOrigin(sender)) return FROM_TOOLBAR;
  return user ?? 'A CStoreOffice user (name not shown on the Audit page)';
}

/** Who started a run from the toolbar: "You" in this browser, but no one another browser could name. */
export const FROM_TOOLBAR = 'You (toolbar)';

export function createCompanyAccess(deps: CompanyAccessDeps) {
  const now = deps.now ?? Date.now;
  const verified = new Map<string, { name: string; at: number }>();

  /**
   * The page's word is not taken: the company id comes from the Audit page's DOM, which any page
   * script can change, so CStoreOffice's own list for the signed-in user decides, and names it.
   */
  async function auditable(origin: string, companyId: string): Promise<string> {
    const key = companyKey(origin, companyId);
    const known = verified.get(key);
    if (known && now() - known.at < VERIFIED_FOR_MS) return known.name;
    let listed: { id: string; name: string } | undefined;
    try {
      listed = (await deps.auditableCompanies(origin)).find((c) => c.id === companyId);
    } catch (error) {
      throw new UncheckedCompanyError(error);
    }
    if (!listed)
      throw new Error(
        `CStoreOffice does not list company ${companyId} among the companies your user may audit at ${new URL(origin).host}. Choose a company you may audit on the Audit page.`,
      );
    verified.set(key, { name: listed.name, at: now() });
    return listed.name;
  }

  /** The company of a writing request: as `resolve`, and CStoreOffice must still list it for the user. */
  async function resolveForWrite(data: CompanyTarget, sender: Sender): Promise<CompanyRow> {
    const company = await resolve(data, sender);
    try {
      await auditable(company.origin, company.companyId);
    } catch (error) {
      if (error instanceof UncheckedCompanyError)
        throw new Error(
          `CStoreOffice could not confirm that your user may audit this company (${error.message}). Sign in to CStoreOffice, then try again; nothing was written.`,
        );
      throw error;
    }
    return company;
  }

  async function resolve(data: CompanyTarget, sender: Sender): Promise<CompanyRow> {
    const own = senderOrigin(sender);
    // A content script speaks only for the CStoreOffice origin it runs on.
    const origin = own ?? data.origin;
    if (!origin) throw new Error('Which CStoreOffice site? The request names no origin.');
    if (own && data.origin && data.origin !== own)
      throw new Error('A page may only ask about its own CStoreOffice site.');
    const company = await deps.db.companies.get(companyKey(origin, data.companyId));
    if (!company)
      throw new Error(
        'This company has not been opened on the Audit page yet. Open Transactions → Audit and choose it first.',
      );
    return company;
  }

  return {
    resolve,
    resolveForWrite,
    /** The name to show for the company an Audit page reports: CStoreOffice's, or the page's while it cannot be asked. */
    async pageCompanyName(
      data: { companyId: string; companyName: string },
      sender: Sender,
    ): Promise<{ origin: string; companyName: string }> {
      const origin = senderOrigin(sender);
      if (!origin) throw new Error('Only the Audit page can report the company it shows.');
      // Shown with the page's name while CStoreOffice cannot be asked; writing waits for its word.
      const companyName = await auditable(origin, data.companyId).catch((error: unknown) => {
        if (error instanceof UncheckedCompanyError) return data.companyName;
        throw error;
      });
      return { origin, companyName };
    },
  };
}
