import { describe, expect, it } from 'vitest';
import { realmHolder } from '@/lib/background/connect-service';
import type { ConnectionMeta } from '@/lib/storage/items';

const company = (origin: string, companyId: string, companyName: string | null) => ({
  key: `${origin}|${companyId}`,
  origin,
  companyId,
  companyName,
});
const meta = (byKey: Record<string, string>) => ({
  get: async (key: string) =>
    byKey[key]
      ? ({
          realmId: byKey[key],
          qboCompanyName: 'Q',
          environment: 'sandbox',
          connectedAt: '2026-12-01T00:00:00Z',
        } as ConnectionMeta)
      : undefined,
});

describe('one realm, one company', () => {
  const sunrise = company('https://03.cstoreoffice.com', '1', 'Sunrise Fuel & Food LLC');
  const other = company('https://05.cstoreoffice.com', '1', null);

  it.each<[string, Record<string, string>, string, string | null]>([
    [
      'another company on another origin holds the realm',
      { [sunrise.key]: '9130' },
      other.key,
      '“Sunrise Fuel & Food LLC” (03.cstoreoffice.com)',
    ],
    ['the company itself holds it (a reconnect)', { [sunrise.key]: '9130' }, sunrise.key, null],
    ['another company holds another realm', { [sunrise.key]: '4620' }, other.key, null],
    ['a disconnected company holds nothing', {}, other.key, null],
  ])('%s', async (_label, connected, asking, expected) => {
    expect(await realmHolder([sunrise, other], meta(connected), '9130', asking)).toBe(expected);
  });

  it('names a company whose name was never read by its id', async () => {
    expect(await realmHolder([other, sunrise], meta({ [other.key]: '9130' }), '9130', sunrise.key)).toBe(
      '“company 1” (05.cstoreoffice.com)',
    );
  });
});
