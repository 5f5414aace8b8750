// @vitest-environment happy-dom
/**
 * The QuickBooks company's settings that keep something from being sent are told once, in the
 * connection status the panel and popup show, with the setting to turn on.
 */
import { mount } from '@vue/test-utils';
import PrimeVue from 'primevue/config';
import { describe, expect, it } from 'vitest';
import ConnectionStatus from '@/components/common/ConnectionStatus.vue';
import { summarizeCompany } from '@/lib/status/company-summary';

const company = { origin: 'https://03.cstoreoffice.com', companyId: '42', companyName: 'Speedy Stop LLC' };
const on = {
  classTracking: true,
  locationTracking: true,
  locationLabel: 'Location',
  accountNumbers: true,
  bookCloseDate: null,
};
const summary = (qboPrefs?: typeof on) =>
  summarizeCompany(
    company,
    { state: 'connected', realmId: '9130', qboCompanyName: 'Books', lastSync: null, counts: {}, qboPrefs },
    'sandbox',
  );

describe("notices about the QuickBooks company's settings", () => {
  it.each([
    ['nothing when every list is in use', on, []],
    ['nothing before the settings were read', undefined, []],
    ['class tracking off', { ...on, classTracking: false }, [/^Class tracking is off in QuickBooks.*Categories\.$/]],
    [
      "location tracking off, in the company's word for locations",
      { ...on, locationTracking: false, locationLabel: 'Store' },
      [/^Store tracking is off in QuickBooks/],
    ],
    ['account numbers off', { ...on, accountNumbers: false }, [/Enable account numbers\.$/]],
  ])('%s', (_what, prefs, expected) => {
    const notices = summary(prefs).qboNotices;
    expect(notices).toHaveLength(expected.length);
    expected.forEach((pattern, i) => expect(notices[i]).toMatch(pattern));
  });

  it('are shown once each under a connected company, and not while it is not connected', () => {
    const both = summary({ ...on, classTracking: false, accountNumbers: false });
    const wrapper = mount(ConnectionStatus, { props: { summary: both }, global: { plugins: [PrimeVue] } });
    const shown = wrapper.findAll('[data-testid="qbo-notice"]').map((n) => n.text());
    expect(shown).toHaveLength(2);
    expect(shown[0]).toContain('Turn on class tracking in QuickBooks: Settings → Account and settings → Advanced');
    const lost = mount(ConnectionStatus, {
      props: { summary: { ...both, state: 'notConnected' } },
      global: { plugins: [PrimeVue] },
    });
    expect(lost.findAll('[data-testid="qbo-notice"]')).toHaveLength(0);
  });
});
