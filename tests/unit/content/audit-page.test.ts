// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAuditPage, readSignedInUser } from '@/entrypoints/audit.content/audit-page';

const page = (file: string) => readFileSync(join(import.meta.dirname, '../../fixtures/pages', file), 'utf8');

function load(html: string): Document {
  document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '');
  return document;
}

describe('findAuditPage', () => {
  it('recognises the Audit page by its heading and Company field, and reads the company', () => {
    const found = findAuditPage(load(page('audit.html')));
    expect(found?.companyField.className).toContain('x-form-item');
    expect(found?.readCompany()).toEqual({ companyId: '101', companyName: 'Speedy Stop LLC' });
  });

  it('follows a company changed by script, as ExtJS does', () => {
    const doc = load(page('audit.html'));
    const found = findAuditPage(doc)!;
    doc.querySelector<HTMLInputElement>('input[type=text]')!.value = 'Corner Fuel Inc.';
    doc.querySelector<HTMLInputElement>('input[name=company]')!.value = '202';
    expect(found.readCompany()).toEqual({ companyId: '202', companyName: 'Corner Fuel Inc.' });
  });

  it('ignores other pages, even with a Company field', () => {
    expect(findAuditPage(load(page('not-audit.html')))).toBeNull();
  });

  it('ignores an Audit heading without a Company field', () => {
    expect(findAuditPage(load('<body><div class="x-title-text">Audit</div></body>'))).toBeNull();
  });

  it('finds the field by its label when the hidden input has another name', () => {
    const doc = load(`<body><h1>Audit</h1><div class="x-form-item"><label class="x-form-item-label">Company</label>
      <input type="text" value="Speedy Stop LLC"><input type="hidden" name="companyId" value="7"></div></body>`);
    expect(findAuditPage(doc)?.readCompany()).toEqual({ companyId: '7', companyName: 'Speedy Stop LLC' });
  });

  it('reads nothing while no company is chosen', () => {
    const doc = load(`<body><h1>Audit</h1><div class="x-form-item"><label>Company:</label>
      <input type="text" value=""><input type="hidden" name="company" value=""></div></body>`);
    expect(findAuditPage(doc)?.readCompany()).toBeNull();
  });
});

describe('findAuditPage on CStoreOffice-shaped markup', () => {
  const audit = (hidden: string, selected = '') => `<body><div class="x-panel"><div class="x-title-text">Audit</div>
    <div class="x-panel-body"><div class="x-toolbar">
      <div class="x-field x-form-item" id="combobox-1234"><label class="x-form-item-label"><span class="x-form-item-label-text">Company:</span></label>
        <input id="combobox-1234-inputEl" type="text" role="combobox" name="company" value="Speedy Stop LLC" readonly></div>
      ${hidden}
    </div></div></div>
    <div class="x-boundlist"><ul><li class="x-boundlist-item ${selected}" data-recordid="c-1">Speedy Stop LLC</li></ul></div></body>`;

  it('reads the id from a hidden companyId input beside the field', () => {
    const found = findAuditPage(load(audit('<input type="hidden" name="companyId" value="c-1">')));
    expect(found?.companyField.id).toBe('combobox-1234');
    expect(found?.readCompany()).toEqual({ companyId: 'c-1', companyName: 'Speedy Stop LLC' });
  });

  it("falls back to the picker's selected item", () => {
    expect(findAuditPage(load(audit('', 'x-boundlist-selected')))?.readCompany()).toEqual({
      companyId: 'c-1',
      companyName: 'Speedy Stop LLC',
    });
  });
});

describe('readSignedInUser', () => {
  const header = (user: string) =>
    load(
      `<body><div class="x-app-header"><span class="cso-logo">CStoreOffice®</span><span class="cso-user">${user}</span></div></body>`,
    );

  it("reads the header's signed-in user as shown, one line", () => {
    expect(readSignedInUser(header('Demo Auditor (auditor@demo.test)'))).toBe('Demo Auditor (auditor@demo.test)');
    expect(readSignedInUser(header('\n  Demo   Auditor\t(auditor@demo.test) '))).toBe(
      'Demo Auditor (auditor@demo.test)',
    );
  });

  it('cuts a very long name to what the background accepts', () => {
    expect(readSignedInUser(header('A'.repeat(500)))).toHaveLength(120);
  });

  it('reads nothing when the page shows no user', () => {
    expect(readSignedInUser(header('  '))).toBeNull();
    expect(readSignedInUser(load('<body><h1>Audit</h1></body>'))).toBeNull();
  });
});
