/**
 * Name lint: the names QuickBooks would refuse or silently change, found before any request is
 * sent, each with the reason in words a bookkeeper can act on.
 */
import { type EntityTypeId, ENTITY_TYPES } from './catalog';

export type NameProblemCode = 'empty' | 'too-long' | 'forbidden-char' | 'edge-whitespace';

export interface NameProblem {
  code: NameProblemCode;
  message: string;
}

const CHAR_NAMES: Readonly<Record<string, string>> = {
  ':': 'a colon (:)',
  '\t': 'a tab',
  '\n': 'a line break',
  '\r': 'a line break',
  '"': 'a double quote (")',
};

/**
 * QBO runs on Java and counts UTF-16 code units, so an emoji takes two of the allowed characters;
 * `String.length` counts the same way.
 */
function qboNameLength(name: string): number {
  return name.length;
}

export function lintName(typeId: EntityTypeId, name: string): NameProblem[] {
  const type = ENTITY_TYPES[typeId];
  const what = `${type.label} name`;
  // Words are made only for a problem: planning lints every name it creates (100k+ in a run).
  const aWhat = () => `${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what}`;
  const trimmed = name.trim();
  if (trimmed === '') {
    return [{ code: 'empty', message: `The ${what} is empty; QuickBooks needs a name. Enter one in CStoreOffice.` }];
  }
  const problems: NameProblem[] = [];
  const length = qboNameLength(name);
  if (length > type.nameMaxLength) {
    problems.push({
      code: 'too-long',
      message: `The name is ${length} characters long; QuickBooks allows at most ${type.nameMaxLength} in ${aWhat()}. Shorten it.`,
    });
  }
  const found = type.forbiddenChars.some((c) => name.includes(c))
    ? [...new Set(type.forbiddenChars.filter((c) => name.includes(c)).map((c) => CHAR_NAMES[c] ?? c))]
    : [];
  if (found.length > 0) {
    problems.push({
      code: 'forbidden-char',
      message: `QuickBooks does not accept ${joinWords(found)} in ${aWhat()}. Rename it without ${found.length > 1 ? 'them' : 'it'}.`,
    });
  }
  if (name !== trimmed) {
    problems.push({
      code: 'edge-whitespace',
      message:
        'The name starts or ends with a space. QuickBooks removes it when saving, so the two names would no longer match. Remove the space.',
    });
  }
  return problems;
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
