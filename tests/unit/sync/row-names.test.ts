import { describe, expect, it } from 'vitest';
import { createHarness } from '../../fakes/harness';

const person = (name: string) => ({ name, companyName: null, email: null, phone: null, active: true });

describe('a row shows both names while they differ', () => {
  it('renamed in QuickBooks: the row keeps CStoreOffice’s name and carries QuickBooks’ new one until synchronized', async () => {
    const h = createHarness();
    const csoId = h.seed.cso('customer', person('Acme'));
    await h.engine.synchronize();
    const qboId = h.links.snapshot()[0]!.qboId;
    h.qbo.edit({ kind: 'update', list: 'Customer', id: qboId, values: { name: 'Acme Fuel Co' } });
    const seen = (await h.engine.preview()).rows.find((r) => r.csoId === csoId)!;
    expect(seen).toMatchObject({ name: 'Acme', qboName: 'Acme Fuel Co', status: 'waitingForUpdate' });
    const after = (await h.engine.synchronize()).rows.find((r) => r.csoId === csoId)!;
    expect(after.name).toBe('Acme Fuel Co');
    expect(after).not.toHaveProperty('qboName');
  });
});
