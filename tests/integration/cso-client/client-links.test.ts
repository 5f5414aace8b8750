// The client's v1.3 calls against the sandbox: record links, sync state, run history, and what it
// does in front of a v1.2 server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CsoFeatureMissingError,
  CsoLinkConflictError,
  CsoValidationError,
  CsoVersionConflictError,
  type CsoRunInput,
} from '../../../lib/cso';
import type { CsoSandbox } from '../../../sandbox/cso';
import { control, findByName, startSandbox } from '../cso-sandbox/harness';
import { connect, type Harness } from './setup';

let sb: CsoSandbox;
let h: Harness;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.stop());
beforeEach(async () => {
  sb.app.reset();
  h = await connect(sb);
});

const run = (n: number): CsoRunInput => ({
  startedAt: `2025-11-03T14:0${n}:00.000Z`,
  finishedAt: `2025-11-03T14:0${n}:20.000Z`,
  outcome: n % 2 ? 'succeeded' : 'partial',
  message: `Run ${n}`,
  counts: { createInQbo: n, link: 1 },
  by: 'Demo Auditor (auditor@demo.test)',
});
const fault = (spec: Record<string, unknown>) => control(sb.url, 'POST', '/faults', spec);

describe('CSO client: QuickBooks links on records', () => {
  beforeEach(async () => {
    await h.client.writeSyncState('1', { realmId: 'R1' }, { version: 0 });
  });

  it('reads links, creates a record with its link, and sets and clears one with If-Match', async () => {
    const { records } = await h.client.readAll('1', 'customer');
    expect(records.every((r) => r.qbo === null)).toBe(true);
    const made = await h.client.create(
      '1',
      'customer',
      { name: 'Linked Diner', qbo: { realmId: 'R1', id: '88' } },
      { idempotencyKey: 'k-link' },
    );
    expect(made.qbo).toEqual({ realmId: 'R1', id: '88' });
    const cleared = await h.client.update('1', 'customer', made.id, { qbo: null }, { version: 1 });
    expect(cleared).toMatchObject({ qbo: null, version: 2 });
    const relinked = await h.client.update(
      '1',
      'customer',
      made.id,
      { qbo: { realmId: 'R1', id: '89' } },
      { version: 2 },
    );
    expect((await h.client.get('1', 'customer', made.id)).qbo).toEqual(relinked.qbo);
    await expect(h.client.update('1', 'customer', made.id, { qbo: null }, { version: 2 })).rejects.toBeInstanceOf(
      CsoVersionConflictError,
    );
  });

  it('turns a duplicate link and a foreign realm into CsoLinkConflictError', async () => {
    const first = await findByName(sb.url, '1', 'classes', 'Retail');
    await h.client.update('1', 'class', first.id, { qbo: { realmId: 'R1', id: '4' } }, { version: first.version });
    const dup = await h.client
      .create('1', 'class', { name: 'Retail copy', qbo: { realmId: 'R1', id: '4' } }, { idempotencyKey: 'k-dup' })
      .catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(CsoLinkConflictError);
    expect(dup).toMatchObject({ kind: 'linkConflict', code: 'duplicate_link', existingId: first.id, status: 409 });
    const foreign = await h.client
      .create('1', 'class', { name: 'Elsewhere', qbo: { realmId: 'R9', id: '5' } }, { idempotencyKey: 'k-far' })
      .catch((e: unknown) => e);
    expect(foreign).toMatchObject({ kind: 'linkConflict', code: 'realm_mismatch' });
  });
});

describe('CSO client: sync state', () => {
  it('reads and writes it with optimistic concurrency; the realm guard is a typed error', async () => {
    expect(await h.client.readSyncState('1')).toMatchObject({ realmId: null, version: 0, resolutions: [] });
    const ignore = {
      type: 'customer' as const,
      side: 'cso' as const,
      id: '1040',
      csoHash: 'h1',
      qboHash: null,
      at: '2025-11-03T14:00:00.000Z',
    };
    const bound = await h.client.writeSyncState('1', { realmId: 'R1', ignores: [ignore] }, { version: 0 });
    expect(bound).toMatchObject({ realmId: 'R1', version: 1, ignores: [ignore] });
    const other = await connect(sb);
    await expect(other.client.writeSyncState('1', { ignores: [] }, { version: 0 })).rejects.toBeInstanceOf(
      CsoVersionConflictError,
    );
    const switched = await h.client.writeSyncState('1', { realmId: 'R2' }, { version: 1 }).catch((e: unknown) => e);
    expect(switched).toMatchObject({ kind: 'linkConflict', code: 'realm_mismatch' });
    const taken = await h.client.writeSyncState('2', { realmId: 'R1' }, { version: 0 }).catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(CsoLinkConflictError);
    expect(taken).toMatchObject({ code: 'realm_taken', existingId: '1' });
    const bad = await h.client
      .writeSyncState('1', { manualLinks: [{ type: 'account', id: '1', qboId: '', at: ignore.at }] }, { version: 1 })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(CsoValidationError);
  });

  it('recognises its own write when the answer was lost and the retry meets 412', async () => {
    await fault({ kind: 'lost-response', path: '/api/qbo-sync/v1/companies/1/qbo-sync', method: 'PATCH' });
    const state = await h.client.writeSyncState('1', { realmId: 'R1' }, { version: 0 });
    expect(state).toMatchObject({ realmId: 'R1', version: 1 });
  });
});

describe('CSO client: run history', () => {
  it('appends once per key even when an answer is lost, and lists newest first', async () => {
    await h.client.appendRun('1', run(1), { idempotencyKey: 'run-1' });
    await fault({ kind: 'lost-response', path: '/api/qbo-sync/v1/companies/1/qbo-sync/runs', method: 'POST' });
    const second = await h.client.appendRun('1', run(2), { idempotencyKey: 'run-2' });
    expect(second).toMatchObject({ id: expect.any(String), ...run(2) });
    await h.client.appendRun('1', run(3), { idempotencyKey: 'run-3' });
    const first = await h.client.listRuns('1', { limit: 2 });
    expect(first.total).toBe(3);
    expect(first.items.map((r) => r.message)).toEqual(['Run 3', 'Run 2']);
    const rest = await h.client.listRuns('1', { limit: 2, cursor: first.nextCursor ?? '' });
    expect(rest).toMatchObject({ nextCursor: null, items: [{ message: 'Run 1' }] });
  });
});

describe('CSO client facing a v1.2 server', () => {
  beforeEach(async () => {
    await control(sb.url, 'POST', '/contract', { version: '1.2' });
  });

  it('says which feature is missing instead of failing on it', async () => {
    for (const [call, feature] of [
      [() => h.client.readSyncState('1'), 'syncState'],
      [() => h.client.writeSyncState('1', { realmId: 'R1' }, { version: 0 }), 'syncState'],
      [() => h.client.listRuns('1'), 'runHistory'],
      [() => h.client.appendRun('1', run(1), { idempotencyKey: 'old-1' }), 'runHistory'],
      [
        () =>
          h.client.create('1', 'customer', { name: 'Old', qbo: { realmId: 'R1', id: '1' } }, { idempotencyKey: 'o' }),
        'links',
      ],
    ] as const) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CsoFeatureMissingError);
      expect(error).toMatchObject({ kind: 'featureMissing', feature });
    }
  });

  it('still reads and writes records, which carry no link at all (absent, not null)', async () => {
    const { records } = await h.client.readAll('1', 'customer');
    expect(records.length).toBeGreaterThan(0);
    expect(records.some((r) => 'qbo' in r)).toBe(false);
    const made = await h.client.create('1', 'customer', { name: 'Plain' }, { idempotencyKey: 'plain' });
    expect(made.qbo).toBeUndefined();
    // Bad values are still bad values, not a missing feature.
    await expect(
      h.client.create('1', 'customer', { name: '', email: 'x' }, { idempotencyKey: 'bad' }),
    ).rejects.toBeInstanceOf(CsoValidationError);
  });
});
