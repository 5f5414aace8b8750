/**
 * Tokenizer for QBO's query language. Keywords are case-insensitive; strings are single-quoted with
 * `\'` (and `\\`) escapes. Errors read like QBO's JavaCC-generated parser messages.
 */
export type TokenKind =
  | 'ident'
  | 'keyword'
  | 'string'
  | 'number'
  | 'op'
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'star'
  | 'eof';

export interface Token {
  kind: TokenKind;
  /** Text as written (strings: unescaped content; keywords: upper-case). */
  text: string;
  raw: string;
  column: number;
}

const KEYWORDS = new Set([
  'SELECT',
  'FROM',
  'WHERE',
  'AND',
  'OR',
  'NOT',
  'IN',
  'LIKE',
  'ORDERBY',
  'ASC',
  'DESC',
  'STARTPOSITION',
  'MAXRESULTS',
  'COUNT',
  'TRUE',
  'FALSE',
  'CURRENT_DATE',
]);

export class QueryLexError extends Error {
  constructor(
    readonly column: number,
    readonly char: string,
    readonly after: string,
  ) {
    super(
      `Invalid content. Lexical error at line 1, column ${column}.  Encountered: "${char}" (${char.codePointAt(0) ?? 0}), after : "${after}"`,
    );
  }
}

const OPS = ['<=', '>=', '!=', '<>', '=', '<', '>'];

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] as string;
    const column = i + 1;
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    if (ch === "'") {
      let text = '';
      let j = i + 1;
      for (;;) {
        if (j >= input.length) throw new QueryLexError(j + 1, '<EOF>', input.slice(i, j));
        const c = input[j] as string;
        if (c === '\\' && (input[j + 1] === "'" || input[j + 1] === '\\')) {
          text += input[j + 1];
          j += 2;
        } else if (c === "'") {
          break;
        } else {
          text += c;
          j += 1;
        }
      }
      tokens.push({ kind: 'string', text, raw: input.slice(i, j + 1), column });
      i = j + 1;
      continue;
    }
    const op = OPS.find((o) => input.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', text: op, raw: op, column });
      i += op.length;
      continue;
    }
    const single: Record<string, TokenKind> = { '(': 'lparen', ')': 'rparen', ',': 'comma', '*': 'star' };
    if (single[ch]) {
      tokens.push({ kind: single[ch] as TokenKind, text: ch, raw: ch, column });
      i += 1;
      continue;
    }
    const number = /^-?\d+(\.\d+)?/.exec(input.slice(i));
    if (number && (ch !== '-' || /\d/.test(input[i + 1] ?? ''))) {
      tokens.push({ kind: 'number', text: number[0], raw: number[0], column });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(input.slice(i));
    if (word) {
      const upper = word[0].toUpperCase();
      tokens.push({
        kind: KEYWORDS.has(upper) ? 'keyword' : 'ident',
        text: KEYWORDS.has(upper) ? upper : word[0],
        raw: word[0],
        column,
      });
      i += word[0].length;
      continue;
    }
    throw new QueryLexError(column, ch, '');
  }
  tokens.push({ kind: 'eof', text: '', raw: '', column: input.length + 1 });
  return tokens;
}
