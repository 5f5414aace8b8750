/**
 * Where QuickBooks' posted-transaction store is plugged into the background. This build has none:
 * posting asks for it only when it reads or writes transactions, and is told so in words.
 */
import type { PostedStore } from '@/lib/posting/ports';
import type { QboClient } from '@/lib/qbo';

// posted-store: wire createQboPostedStore here
export function postedStoreFor(_client: QboClient): PostedStore {
  throw new Error('QuickBooks transactions are not available in this build');
}
