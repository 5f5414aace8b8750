import { Window } from 'happy-dom';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { TRICKY_NAMES, type CsoSandbox } from '../../../sandbox/cso';
import { findByName, page, parseHtml, rawApi, signIn, startSandbox } from './harness';

let sb: CsoSandbox;
let cookie: string;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.stop());
beforeEach(async () => {
  sb.app.reset();
  cookie = await signIn(sb.url);
});

const AUDIT = '/app.php/accounting/audit';
const ids = (doc: Document) => [...doc.querySelectorAll('[id]')].map((e) => e.id);
const companyInput = (doc: Document) =>
  doc.querySelector<HTMLInputElement>('.x-form-item input[name="company"][role="combobox"]');

async function postForm(path: string, fields: Record<string, string>) {
  return fetch(sb.url + path, {
    method: 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

describe('the Audit page', () => {
  it('is reached from the Transactions menu', async () => {
    const doc = parseHtml((await page(sb.url, '/app.php/dashboard', cookie)).html);
    const button = [...doc.querySelectorAll('.x-btn')].find((b) => b.textContent?.trim() === 'Transactions');
    const menu = doc.getElementById(button?.getAttribute('data-menu') ?? '');
    const item = [...(menu?.querySelectorAll('.x-menu-item-link') ?? [])].find((a) => a.textContent === 'Audit');
    expect(item?.getAttribute('href')).toBe(AUDIT);
  });

  it('has the ExtJS structure: "Audit" panel title, the Company combobox, the manager button, the periods grid', async () => {
    const doc = parseHtml((await page(sb.url, AUDIT, cookie)).html);
    expect(doc.title).toBe('Audit - CStoreOffice');
    expect([...doc.querySelectorAll('.x-panel-header .x-title-text')].map((e) => e.textContent)).toEqual(['Audit']);
    const input = companyInput(doc);
    expect(input?.value).toBe('Sunrise Fuel & Food LLC');
    const field = input?.closest('.x-form-item');
    expect(field?.querySelector('.x-form-item-label-text')?.textContent).toBe('Company:');
    expect(field?.querySelector('label')?.getAttribute('for')).toBe(input?.id);
    expect(doc.querySelector<HTMLInputElement>('input[type="hidden"][name="companyId"]')?.value).toBe('1');
    expect(
      [...doc.querySelectorAll('.x-boundlist-item')].map((li) => [li.getAttribute('data-recordid'), li.textContent]),
    ).toEqual([
      ['1', 'Sunrise Fuel & Food LLC'],
      ['2', 'Prairie Express Stores, Inc.'],
    ]);
    expect([...doc.querySelectorAll('.x-btn-inner')].map((b) => b.textContent)).toContain(
      'Open QB Synchronization Manager',
    );
    expect([...doc.querySelectorAll('.x-column-header-text')].map((h) => h.textContent)).toEqual([
      'Period',
      'From',
      'To',
      'Status',
      'Closed by',
      'Closed on',
    ]);
    const statuses = [...doc.querySelectorAll('.x-grid-body .x-grid-row')].map(
      (r) => r.querySelectorAll('.x-grid-cell-inner')[3]?.textContent,
    );
    expect(statuses).toEqual(['Open', 'Open', 'Closed', 'Closed', 'Closed', 'Closed']);
    expect(doc.querySelector('.x-grid-body .x-grid-cell-inner')?.textContent).toBe('November 2025');
  });

  it('generates different element ids on every load', async () => {
    const a = parseHtml((await page(sb.url, AUDIT, cookie)).html);
    const b = parseHtml((await page(sb.url, AUDIT, cookie)).html);
    expect(companyInput(a)?.id).toMatch(/^combobox-\d+-inputEl$/);
    expect(companyInput(a)?.id).not.toBe(companyInput(b)?.id);
    const shared = ids(a).filter((id) => ids(b).includes(id));
    expect(shared).toEqual([]);
  });

  it("opens on the company in ?company= and serves that company's periods to the page script", async () => {
    const doc = parseHtml((await page(sb.url, `${AUDIT}?company=2`, cookie)).html);
    expect(companyInput(doc)?.value).toBe('Prairie Express Stores, Inc.');
    const xhr = await fetch(`${sb.url}${AUDIT}/periods?company=2`, { headers: { Cookie: cookie } });
    const data = await xhr.json();
    expect(data.company).toEqual({ id: '2', name: 'Prairie Express Stores, Inc.' });
    expect(data.periods.map((p: { status: string }) => p.status)).toEqual([
      'Open',
      'Open',
      'Open',
      'Closed',
      'Closed',
      'Closed',
    ]);
    expect((await fetch(`${sb.url}${AUDIT}/periods?company=2`)).status).toBe(401);
    const clerk = await signIn(sb.url, 'clerk@demo.test');
    expect((await page(sb.url, `${AUDIT}?company=1`, clerk)).status).toBe(404);
  });

  it('runs its own script: picking a company reloads the periods over XHR, pushes ?company= and fires change', async () => {
    const html = (await page(sb.url, AUDIT, cookie)).html;
    const window = new Window({
      url: sb.url + AUDIT,
      settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } as never,
    });
    // The page's XHR goes to the real sandbox with this session's cookie.
    (window as unknown as { fetch: typeof fetch }).fetch = ((input: string, init?: RequestInit) =>
      fetch(new URL(input, sb.url), { ...init, headers: { Cookie: cookie } })) as typeof fetch;
    window.document.write(html);
    await window.happyDOM.waitUntilComplete();
    const doc = window.document as unknown as Document;
    const input = companyInput(doc) as HTMLInputElement;
    const changes: string[] = [];
    input.addEventListener('change', () => changes.push(input.value));
    doc.querySelector<HTMLElement>('.x-form-trigger')?.click();
    expect(doc.querySelector<HTMLElement>('.x-boundlist')?.hidden).toBe(false);
    const before = doc.querySelector('.x-grid-body .x-grid-row')?.id;
    doc.querySelectorAll<HTMLElement>('.x-boundlist-item')[1]?.click();
    expect(changes).toEqual(['Prairie Express Stores, Inc.']);
    expect(window.location.search).toBe('?company=2');
    expect(doc.querySelector<HTMLInputElement>('input[name="companyId"]')?.value).toBe('2');
    await vi.waitFor(() => expect(doc.querySelectorAll('.x-grid-body .x-status-open')).toHaveLength(3), {
      timeout: 2000,
    });
    expect(doc.querySelector('.x-grid-body .x-grid-row')?.id).not.toBe(before);
    await window.happyDOM.close();
  });

  it('is the only page with the Audit title and the company combobox', async () => {
    for (const path of [
      '/app.php/dashboard',
      '/app.php/accounting/customers',
      '/app.php/accounting/accounts?company=2',
    ]) {
      const doc = parseHtml((await page(sb.url, path, cookie)).html);
      expect(companyInput(doc)).toBeNull();
      expect([...doc.querySelectorAll('.x-title-text')].map((e) => e.textContent)).not.toContain('Audit');
    }
  });
});

describe('entity pages', () => {
  it('escapes every name (the seed carries HTML, quotes and emoji)', async () => {
    const html = (await page(sb.url, '/app.php/accounting/customers?company=1', cookie)).html;
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<b>bold</b>');
    const doc = parseHtml(html);
    const names = [...doc.querySelectorAll('tbody tr td:nth-child(2)')].map((td) => td.textContent);
    expect(names).toEqual(
      expect.arrayContaining([
        TRICKY_NAMES.HTML,
        'The "Quick" Stop Club',
        'The “Quick” Stop Club',
        '🚚 Fast Freight Co',
        'Lone Star  Towing',
        TRICKY_NAMES.LONG_CUSTOMER,
      ]),
    );
    expect(TRICKY_NAMES.LONG_CUSTOMER.length).toBeGreaterThan(500);
    expect(TRICKY_NAMES.LONG_ACCOUNT.length).toBeGreaterThan(100);
  });

  it('shows a detail page per record, linked from the list, with parent links', async () => {
    const sub = await findByName(sb.url, '1', 'accounts', 'Gasoline Sales');
    const doc = parseHtml((await page(sb.url, `/app.php/accounting/accounts/${sub.id}`, cookie)).html);
    expect(doc.querySelector('.x-title-text')?.textContent).toBe('Account: Gasoline Sales');
    expect(doc.querySelector('[data-field="number"]')?.textContent).toBe('4000.01');
    expect(doc.querySelector('[data-field="parentId"] a')?.textContent).toBe('Fuel Sales');
    const list = parseHtml((await page(sb.url, '/app.php/accounting/accounts?company=1', cookie)).html);
    expect(list.querySelector(`a[href="/app.php/accounting/accounts/${sub.id}"]`)).not.toBeNull();
    expect((await page(sb.url, '/app.php/accounting/customers/424242', cookie)).status).toBe(404);
    expect((await page(sb.url, `/app.php/accounting/customers/${sub.id}`, cookie)).status).toBe(404); // wrong type
  });

  it('lets a person add, rename, deactivate and delete by hand, with the same rules as the API', async () => {
    const add = await postForm('/app.php/accounting/classes/create', { companyId: '2', name: 'Store 20 - Topeka' });
    expect(add.status).toBe(303);
    const made = await findByName(sb.url, '2', 'classes', 'Store 20 - Topeka');
    expect(add.headers.get('location')).toBe(`/app.php/accounting/classes/${made.id}`);
    await postForm(`/app.php/accounting/classes/${made.id}/rename`, { companyId: '2', name: 'Store 20 - Topeka KS' });
    await postForm(`/app.php/accounting/classes/${made.id}/toggle-active`, { companyId: '2' });
    const api = rawApi(sb.url, cookie);
    expect((await api('GET', `/companies/2/classes/${made.id}`)).body).toMatchObject({
      name: 'Store 20 - Topeka KS',
      active: false,
      version: 3,
    });
    const dup = await postForm(`/app.php/accounting/classes/${made.id}/rename`, {
      companyId: '2',
      name: 'Store 7 - Wichita',
    });
    const back = await page(sb.url, dup.headers.get('location') ?? '', cookie);
    expect(parseHtml(back.html).querySelector('[role="alert"]')?.textContent).toMatch(/already exists/);
    await postForm(`/app.php/accounting/classes/${made.id}/delete`, { companyId: '2' });
    expect((await api('GET', `/companies/2/classes/${made.id}`)).status).toBe(404);
    const gone = parseHtml((await page(sb.url, `/app.php/accounting/classes/${made.id}`, cookie)).html);
    expect(gone.querySelector('[role="status"]')?.textContent).toMatch(/was deleted/);
  });
});
