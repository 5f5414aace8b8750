/**
 * Recognises CStoreOffice's Audit page and reads its Company dropdown. CStoreOffice is an ExtJS
 * app whose element ids are generated on every load, so everything here goes by visible text,
 * `name` attributes and ExtJS classes. This is the one place to adjust when CStoreOffice's markup
 * changes.
 */
import { type CompanyRef, USER_NAME_MAX } from '@/lib/messaging/protocol';

const HEADING_SELECTOR = 'h1, h2, h3, .x-title-text, .x-panel-header-text, .x-header-text, .x-title';
const FIELD_SELECTOR = '.x-form-item, .x-field';
const LABEL_SELECTOR = '.x-form-item-label-text, .x-form-item-label, label';
/** The app header's signed-in user: "Display Name (login)". */
const USER_SELECTOR = '.cso-user';

export interface AuditPage {
  /** The ExtJS form item that holds the Company dropdown; our button goes right after it. */
  companyField: HTMLElement;
  readCompany(): CompanyRef | null;
}

const norm = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

function hasAuditHeading(doc: Document): boolean {
  return [...doc.querySelectorAll(HEADING_SELECTOR)].some((el) => norm(el.textContent) === 'Audit');
}

function findCompanyField(doc: Document): HTMLElement | null {
  const byName = doc.querySelector<HTMLInputElement>('input[name="company"], select[name="company"]');
  const byNameField = byName?.closest<HTMLElement>(FIELD_SELECTOR);
  if (byNameField) return byNameField;
  for (const field of doc.querySelectorAll<HTMLElement>(FIELD_SELECTOR)) {
    const label = field.querySelector(LABEL_SELECTOR);
    if (/^Company:?$/.test(norm(label?.textContent))) return field;
  }
  return null;
}

function readCompanyFrom(field: HTMLElement, doc: Document): CompanyRef | null {
  const select = field.querySelector<HTMLSelectElement>('select[name="company"]');
  if (select) {
    const option = select.selectedOptions[0];
    return option && option.value ? { companyId: option.value, companyName: norm(option.textContent) } : null;
  }
  // ExtJS comboboxes show the display text in a visible input and submit the id in a hidden one,
  // inside the field or beside it in the same toolbar or form.
  const companyName = norm(field.querySelector<HTMLInputElement>('input:not([type="hidden"])')?.value);
  const scope = field.closest('.x-toolbar, form, .x-panel-body') ?? doc;
  const hidden =
    field.querySelector<HTMLInputElement>('input[type="hidden"]') ??
    scope.querySelector<HTMLInputElement>(
      'input[type="hidden"][name="companyId"], input[type="hidden"][name="company"]',
    );
  let companyId = norm(hidden?.value);
  if (!companyId) {
    // Failing that, the picker's selected item carries the record id.
    const item = [...doc.querySelectorAll<HTMLElement>('.x-boundlist-selected[data-recordid]')].find(
      (li) => norm(li.textContent) === companyName,
    );
    companyId = norm(item?.dataset.recordid);
  }
  return companyId && companyName ? { companyId, companyName } : null;
}

export function findAuditPage(doc: Document): AuditPage | null {
  if (!hasAuditHeading(doc)) return null;
  const companyField = findCompanyField(doc);
  if (!companyField) return null;
  return { companyField, readCompany: () => readCompanyFrom(companyField, doc) };
}

/** The signed-in user as the page's header shows them, for History's "who"; null when not shown. */
export function readSignedInUser(doc: Document): string | null {
  const text = norm(doc.querySelector(USER_SELECTOR)?.textContent).replace(/\p{Cc}/gu, '');
  return text ? [...text].slice(0, USER_NAME_MAX).join('').trim() : null;
}
