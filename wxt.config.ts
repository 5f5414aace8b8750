import { defineConfig } from 'wxt';

// The public half of the extension's signing key. Chrome derives the extension id from it, so the
// id (and the OAuth redirect https://<id>.chromiumapp.org/ registered with Intuit) is the same on
// every machine: lfnpgbccfgpgpbbmpgdombjkfnlekmcc.
const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1CN7l67HiIZrn/Yz6jzYvMD3VQhoCyUrRI92tzi8xjuidGxDCvi1KD/7a5EfFAjeh+ffA8yXeUeLVviA6u590uk/fJRNF/oVlAfqU8JJpglrzFErcmA/QIz5K5c6uwwggIerSvf7AM33bWY4ueBMFkJ5+zmz7ecdscArrQTKGcgkDCxEN6N3LqtOWjm90ifUcOxWlwTRVyPQbKJ1TT94/nZNNpCBpaB7CJSgL+mZbbyeDHUstVI/FomTTnjaoJ+V0nNB16lJ7GJmMCYfpvbjDoHFX+TWtfSRez1Gf8Jde3pDni/2sfHbyDdEETm3MG6UnO4mLyL3JGHRoYyuXS3ncwIDAQAB';

// The Firefox add-on id (an e-mail-like string that stays the same across versions).
const FIREFOX_ID = 'qb-sync-manager@cstoreoffice.extension';

const CSO_HOSTS = ['https://*.cstoreoffice.com/*'];
const QBO_HOSTS = [
  'https://quickbooks.api.intuit.com/*',
  'https://sandbox-quickbooks.api.intuit.com/*',
  'https://appcenter.intuit.com/*',
];
// The local sandboxes (any port) stand in for CStoreOffice and QBO in development and test builds
// only; a production build never reaches loopback.
const SANDBOX_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-vue'],
  // The sources zip for addons.mozilla.org: the code, not local test and benchmark output.
  zip: { excludeSources: ['tests/artifacts/**', 'bench/results/**', '.env', '.env.*'] },
  manifest: ({ mode, browser }) => ({
    name: 'QB Sync Manager for CStoreOffice',
    description:
      'Keeps CStoreOffice accounts, classes, customers, vendors, data types and locations in step with QuickBooks Online.',
    // `key` is Chrome's; Firefox takes its id (and so its identity redirect URL) from gecko.id.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: FIREFOX_ID, strict_min_version: '115.0' } } }
      : { key: MANIFEST_KEY }),
    permissions: ['storage', 'identity', 'alarms', 'notifications'],
    host_permissions: [...CSO_HOSTS, ...QBO_HOSTS, ...(mode === 'production' ? [] : SANDBOX_HOSTS)],
    // Custom base URLs (a self-hosted broker, a staging CStoreOffice) are granted at run time.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode === 'production') return;
      for (const script of manifest.content_scripts ?? []) {
        script.matches = [...(script.matches ?? []), ...SANDBOX_HOSTS];
      }
      // The panel's stylesheet is fetched from the page, so the sandbox pages must be allowed to.
      for (const resource of manifest.web_accessible_resources ?? []) {
        if (typeof resource === 'object' && 'matches' in resource) {
          resource.matches = [...(resource.matches ?? []), ...SANDBOX_HOSTS];
        }
      }
    },
  },
});
