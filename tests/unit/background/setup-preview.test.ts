import { describe, expect, it } from 'vitest';
import { toSetupPreview } from '@/lib/background/setup-preview';
import { createHarness } from '../../fakes/harness';

const person = (name: string) => ({ name, companyName: null, email: null, phone: null, active: true });

describe('the first-sync setup’s summary', () => {
  it('counts per type what the first run creates on each side, with the first names, and what it links', async () => {
    const h = createHarness();
    for (const name of ['Acme', 'Beta', 'Cobalt', 'Delta', 'Echo', 'Foxtrot']) h.seed.cso('customer', person(name));
    h.seed.qbo('Customer', person('Quincy'));
    h.seed.cso('customer', person('Shared'));
    h.seed.qbo('Customer', person('Shared'));
    h.seed.qbo('Class', { name: 'North', parentId: null });
    const setup = toSetupPreview(await h.engine.preview());
    expect(setup).toEqual({
      creates: 8,
      byType: [
        {
          typeId: 'class',
          typeLabel: 'Class',
          toQbo: { count: 0, names: [] },
          toCso: { count: 1, names: ['North'] },
          links: 0,
        },
        {
          typeId: 'customer',
          typeLabel: 'Customer',
          toQbo: { count: 6, names: ['Acme', 'Beta', 'Cobalt', 'Delta', 'Echo'] },
          toCso: { count: 1, names: ['Quincy'] },
          links: 1,
        },
      ],
    });
  });

  it('follows the directions chosen: one way, nothing is created on the other side', async () => {
    const h = createHarness({ directions: { customer: 'toQbo' } });
    h.seed.cso('customer', person('Acme'));
    h.seed.qbo('Customer', person('Quincy'));
    const [customers] = toSetupPreview(await h.engine.preview()).byType;
    expect(customers).toMatchObject({ typeId: 'customer', toQbo: { count: 1 }, toCso: { count: 0 } });
  });

  it('says what the run then does: its creates are the ones the run makes', async () => {
    const h = createHarness();
    h.seed.cso('customer', person('Acme'));
    h.seed.qbo('Customer', person('Quincy'));
    const setup = toSetupPreview(await h.engine.preview());
    const report = await h.engine.synchronize();
    const created = report.executed.ops.filter((op) => op.kind === 'create').length;
    expect(setup.creates).toBe(created);
  });
});
