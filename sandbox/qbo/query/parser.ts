/**
 * Parser for `SELECT * | COUNT(*) FROM <Entity> [WHERE c AND c ...] [ORDERBY f [ASC|DESC], ...]
 * [STARTPOSITION n] [MAXRESULTS m]`. No OR, no NOT, no != / <>, no projections (qbo-api.md §4).
 */
import { tokenize, QueryLexError, type Token } from './lexer';

export type Literal = string | number | boolean;
export type Operator = '=' | '<' | '>' | '<=' | '>=' | 'IN' | 'LIKE';

export interface Condition {
  property: string;
  op: Operator;
  values: Literal[];
}

export interface QueryAst {
  count: boolean;
  entity: string;
  where: Condition[];
  orderBy: { property: string; desc: boolean }[];
  startPosition?: number;
  maxResults?: number;
}

export class QueryParseError extends Error {}

function describe(token: Token): string {
  switch (token.kind) {
    case 'eof':
      return '"<EOF>"';
    case 'keyword':
    case 'op':
    case 'lparen':
    case 'rparen':
    case 'comma':
    case 'star':
      return `" "${token.raw.toLowerCase()}" "${token.raw} ""`;
    case 'string':
      return `" <STRING_LITERAL> "${token.raw} ""`;
    case 'number':
      return `" <INTEGER> "${token.raw} ""`;
    default:
      return `" <IDENTIFIER> "${token.raw} ""`;
  }
}

export function parseQuery(input: string, today: string): QueryAst {
  let tokens: Token[];
  try {
    tokens = tokenize(input);
  } catch (err) {
    if (err instanceof QueryLexError) throw new QueryParseError(err.message);
    throw err;
  }
  let pos = 0;
  const peek = (): Token => tokens[pos] as Token;
  const unexpected = (expected: string[]): never => {
    const t = peek();
    throw new QueryParseError(
      `Encountered ${describe(t)} at line 1, column ${t.column}.\nWas expecting one of:\n    ${expected.join(' ...\n    ')} ...`,
    );
  };
  const isKw = (kw: string): boolean => peek().kind === 'keyword' && peek().text === kw;
  const expectKw = (kw: string): void => {
    if (!isKw(kw)) unexpected([`"${kw.toLowerCase()}"`]);
    pos += 1;
  };
  const expectKind = (kind: Token['kind'], label: string): Token => {
    if (peek().kind !== kind) unexpected([label]);
    return tokens[pos++] as Token;
  };
  const literal = (): Literal => {
    const t = peek();
    pos += 1;
    if (t.kind === 'string') return t.text;
    if (t.kind === 'number') return Number(t.text);
    if (t.kind === 'keyword' && (t.text === 'TRUE' || t.text === 'FALSE')) return t.text === 'TRUE';
    if (t.kind === 'keyword' && t.text === 'CURRENT_DATE') return today;
    pos -= 1;
    return unexpected(['<STRING_LITERAL>', '<INTEGER>', '"true"', '"false"']);
  };

  expectKw('SELECT');
  let count = false;
  if (isKw('COUNT')) {
    pos += 1;
    expectKind('lparen', '"("');
    expectKind('star', '"*"');
    expectKind('rparen', '")"');
    count = true;
  } else {
    expectKind('star', '"*"');
  }
  expectKw('FROM');
  const entity = expectKind('ident', '<IDENTIFIER>').text;
  const where: Condition[] = [];
  if (isKw('WHERE')) {
    pos += 1;
    for (;;) {
      const property = expectKind('ident', '<IDENTIFIER>').text;
      const t = peek();
      if (t.kind === 'op' && ['=', '<', '>', '<=', '>='].includes(t.text)) {
        pos += 1;
        where.push({ property, op: t.text as Operator, values: [literal()] });
      } else if (isKw('LIKE')) {
        pos += 1;
        const value = expectKind('string', '<STRING_LITERAL>').text;
        where.push({ property, op: 'LIKE', values: [value] });
      } else if (isKw('IN')) {
        pos += 1;
        expectKind('lparen', '"("');
        const values = [literal()];
        while (peek().kind === 'comma') {
          pos += 1;
          values.push(literal());
        }
        expectKind('rparen', '")"');
        where.push({ property, op: 'IN', values });
      } else {
        unexpected(['"="', '"<"', '">"', '"<="', '">="', '"in"', '"like"']);
      }
      if (!isKw('AND')) break;
      pos += 1;
    }
  }
  const orderBy: QueryAst['orderBy'] = [];
  if (isKw('ORDERBY')) {
    pos += 1;
    for (;;) {
      const property = expectKind('ident', '<IDENTIFIER>').text;
      let desc = false;
      if (isKw('ASC') || isKw('DESC')) desc = (tokens[pos++] as Token).text === 'DESC';
      orderBy.push({ property, desc });
      if (peek().kind !== 'comma') break;
      pos += 1;
    }
  }
  const ast: QueryAst = { count, entity, where, orderBy };
  while (isKw('STARTPOSITION') || isKw('MAXRESULTS')) {
    const kw = (tokens[pos++] as Token).text;
    const n = Number(expectKind('number', '<INTEGER>').text);
    if (kw === 'STARTPOSITION') ast.startPosition = n;
    else ast.maxResults = n;
  }
  if (peek().kind !== 'eof') {
    const expected = ['<EOF>', '"and"', '"orderby"', '"startposition"', '"maxresults"'];
    unexpected(expected);
  }
  return ast;
}
