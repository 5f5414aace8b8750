/** QuickBooks' posted-transaction store for posting (lib/qbo/posted-store.ts), over a connection's client. */
import type { PostedStore } from '@/lib/posting/ports';
import { type QboClient } from '@/lib/qbo';
import { createQboPostedStore } from '@/lib/qbo/posted-store';

export const postedStoreFor = (client: QboClient): PostedStore => createQboPostedStore({ client });
