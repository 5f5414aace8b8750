// Escape-by-default HTML templating: every interpolated value is escaped unless it is already Html
// (built by this same tag). Seed names include `<img src=x onerror=...>`; this is what keeps it inert.
import { escapeHtml } from '../../common';

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Part = Html | string | number | boolean | null | undefined | Part[];

const render = (value: Part): string => {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value);
};

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Trusted markup (our own constant CSS/JS); never pass data through this. */
export const trusted = (text: string) => new Html(text);

/**
 * ExtJS gives every component a generated id (`combobox-1017`, `ext-comp-1234`) that changes from
 * one page load to the next. One generator per render reproduces that: nothing may rely on ids.
 */
let lastBase = 1000;

export function createIdGenerator(random: () => number = Math.random) {
  // Step 500..4000 from the previous load (wrapping within 1000..8999): a page uses far fewer than
  // 500 ids, so two loads in a row never share one.
  lastBase = 1000 + ((lastBase - 1000 + 500 + Math.floor(random() * 3500)) % 8000);
  let n = lastBase;
  return (xtype = 'ext-comp') => `${xtype}-${n++}`;
}
export type NextId = ReturnType<typeof createIdGenerator>;
