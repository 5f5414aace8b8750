import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CsoCannotDeleteError,
  CsoDuplicateError,
  CsoNotFoundError,
  CsoValidationError,
  CsoVersionConflictError,
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

describe('CSO client writes', () => {
  it("creates with the caller's idempotency key; a repeat returns the same record", async () => {
    const parent = await findByName(sb.url, '1', 'accounts', 'Merchandise Sales');
    const input = { name: 'Car Wash', number: '4100.04', accountType: 'Income' as const, parentId: parent.id };
    const made = await h.client.create('1', 'account', input, { idempotencyKey: 'k-1' });
    expect(made).toMatchObject({ ...input, version: 1, active: true, description: null });
    const again = await h.client.create('1', 'account', input, { idempotencyKey: 'k-1' });
    expect(again.id).toBe(made.id);
    const dump = await control(sb.url, 'GET', '/dump?company=1');
    expect(dump.companies[0].records.accounts.filter((a: { name: string }) => a.name === 'Car Wash')).toHaveLength(1);
  });

  it('turns a duplicate name into CsoDuplicateError with the existing id', async () => {
    const existing = await findByName(sb.url, '1', 'accounting-vendors', 'AT&T');
    const error = await h.client
      .create('1', 'accountingVendor', { name: 'AT&T' }, { idempotencyKey: 'k-2' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsoDuplicateError);
    expect(error).toMatchObject({ kind: 'duplicateName', existingId: existing.id, field: 'name', status: 409 });
    expect((error as Error).message).toContain(`(id ${existing.id})`);
    const number = await h.client
      .create('1', 'account', { name: 'Other Bank', number: '1010', accountType: 'Bank' }, { idempotencyKey: 'k-3' })
      .catch((e: unknown) => e);
    expect(number).toMatchObject({ kind: 'duplicateValue', field: 'number' });
  });

  it('turns 422 into CsoValidationError with the field messages', async () => {
    const error = await h.client
      .create('1', 'customer', { name: '', email: 'nope' }, { idempotencyKey: 'k-4' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsoValidationError);
    expect((error as CsoValidationError).fields).toEqual({
      name: 'Name is required.',
      email: 'Not a valid e-mail address.',
    });
    expect((error as Error).message).toBe(
      'CStoreOffice refused the values: name: Name is required.; email: Not a valid e-mail address..',
    );
  });

  it('updates with If-Match; a stale version is a CsoVersionConflictError', async () => {
    const loc = await findByName(sb.url, '2', 'locations', 'Prairie Express #7');
    const updated = await h.client.update('2', 'location', loc.id, { address: '701 W Kellogg St' }, { version: 1 });
    expect(updated).toMatchObject({ address: '701 W Kellogg St', version: 2, stationCode: '7' });
    await expect(
      h.client.update('2', 'location', loc.id, { name: 'Prairie #7' }, { version: 1 }),
    ).rejects.toBeInstanceOf(CsoVersionConflictError);
    await expect(h.client.update('2', 'location', '999999', { name: 'x' }, { version: 1 })).rejects.toBeInstanceOf(
      CsoNotFoundError,
    );
  });

  it('deletes with If-Match; stale versions and blocked deletes are typed errors', async () => {
    const vendor = await findByName(sb.url, '2', 'accounting-vendors', 'Evergy Electric');
    await expect(h.client.delete('2', 'accountingVendor', vendor.id, { version: 3 })).rejects.toBeInstanceOf(
      CsoVersionConflictError,
    );
    await h.client.delete('2', 'accountingVendor', vendor.id, { version: 1 });
    await expect(h.client.get('2', 'accountingVendor', vendor.id)).rejects.toBeInstanceOf(CsoNotFoundError);
    await expect(h.client.delete('2', 'accountingVendor', vendor.id, { version: 2 })).rejects.toBeInstanceOf(
      CsoNotFoundError,
    );
    const store = await findByName(sb.url, '2', 'data-types', 'Store Sales');
    const error = await h.client.delete('2', 'dataType', store.id, { version: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsoCannotDeleteError);
    expect(error).toMatchObject({ kind: 'cannotDelete', code: 'protected' });
  });
});
