import { describe, expect, it } from 'vitest';
import {
  buildQuery,
  CURSOR_MARGIN_MS,
  encodeQuery,
  fullReadCursor,
  quoteValue,
  readAllPages,
  readVerifiedPages,
  QboIncompleteReadError,
  QboUsageError,
} from '@/lib/qbo';

describe('quoteValue', () => {
  it.each([
    ['plain', "'plain'"],
    ["O'Brien", "'O\\'Brien'"],
    ['C:\\temp\\', "'C:\\\\temp\\\\'"],
    ["back\\'slash", "'back\\\\\\'slash'"],
    ['Joe’s ‘Fuel’', "'Joe’s ‘Fuel’'"],
    ['A & B #1 100% +tax', "'A & B #1 100% +tax'"],
    ['Café ⛽ 🚚', "'Café ⛽ 🚚'"],
    ['"quoted"', '\'"quoted"\''],
  ])('%s → %s', (value, quoted) => {
    expect(quoteValue(value)).toBe(quoted);
  });

  it.each([
    [true, 'true'],
    [false, 'false'],
    [42, '42'],
    [new Date('2025-01-02T03:04:05Z'), "'2025-01-02T03:04:05.000Z'"],
  ])('%s → %s', (value, quoted) => {
    expect(quoteValue(value)).toBe(quoted);
  });

  it('refuses non-finite numbers', () => {
    expect(() => quoteValue(Number.NaN)).toThrow(QboUsageError);
  });
});

describe('buildQuery', () => {
  it.each([
    [{ entity: 'Account' }, 'SELECT * FROM Account'],
    [{ entity: 'Account', includeInactive: true }, 'SELECT * FROM Account WHERE Active IN (true, false)'],
    [
      {
        entity: 'Vendor',
        where: [{ field: 'DisplayName', op: '=' as const, value: "Bob's & Co" }],
        includeInactive: true,
      },
      "SELECT * FROM Vendor WHERE DisplayName = 'Bob\\'s & Co' AND Active IN (true, false)",
    ],
    [
      { entity: 'Account', where: [{ field: 'Active', op: '=' as const, value: false }], includeInactive: true },
      'SELECT * FROM Account WHERE Active = false',
    ],
    [
      { entity: 'Class', where: [{ field: 'Id', op: 'IN' as const, value: ['1', '2'] }] },
      "SELECT * FROM Class WHERE Id IN ('1', '2')",
    ],
    [
      { entity: 'Item', startPosition: 1001, maxResults: 1000 },
      'SELECT * FROM Item STARTPOSITION 1001 MAXRESULTS 1000',
    ],
    [{ entity: 'Customer', count: true }, 'SELECT COUNT(*) FROM Customer'],
    [
      { entity: 'Account', orderBy: { field: 'MetaData.LastUpdatedTime', direction: 'DESC' as const } },
      'SELECT * FROM Account ORDERBY MetaData.LastUpdatedTime DESC',
    ],
  ])('%j', (spec, sql) => {
    expect(buildQuery(spec)).toBe(sql);
  });

  it.each([
    [{ entity: 'Account; DROP' }],
    [{ entity: 'Account', where: [{ field: "Name' OR 1=1", op: '=' as const, value: 'x' }] }],
    [{ entity: 'Account', maxResults: 1001 }],
    [{ entity: 'Account', maxResults: 0 }],
    [{ entity: 'Account', startPosition: 0 }],
    [{ entity: 'Account', where: [{ field: 'Id', op: 'IN' as const, value: [] }] }],
  ])('refuses %j before sending anything', (spec) => {
    expect(() => buildQuery(spec)).toThrow(QboUsageError);
  });
});

describe('encodeQuery', () => {
  it('encodes every special character exactly once and round-trips', () => {
    const sql = buildQuery({
      entity: 'Vendor',
      where: [{ field: 'DisplayName', op: '=', value: "A&B #1 100% +x O'Neil ’ 🚚 C:\\" }],
    });
    const encoded = encodeQuery(sql);
    expect(encoded).not.toMatch(/[ &#+'’]/u);
    expect(encoded).toContain('%26'); // &
    expect(encoded).toContain('%23'); // #
    expect(encoded).toContain('%25'); // %
    expect(encoded).toContain('%2B'); // +
    expect(encoded).not.toContain('%2525'); // never twice
    expect(decodeURIComponent(encoded)).toBe(sql);
  });
});

describe('readAllPages', () => {
  const rows = (n: number, from = 1) => Array.from({ length: n }, (_, i) => ({ Id: String(from + i) }));

  it.each([
    [0, 1],
    [999, 1],
    [1000, 2],
    [2500, 3],
    [3000, 4],
  ])('%i rows take %i requests', async (total, requests) => {
    const statements: string[] = [];
    const all = await readAllPages({ entity: 'Account' }, async (sql) => {
      statements.push(sql);
      const start = Number(/STARTPOSITION (\d+)/.exec(sql)?.[1]);
      return rows(Math.max(0, Math.min(1000, total - start + 1)), start);
    });
    expect(all).toHaveLength(total);
    expect(statements).toHaveLength(requests);
    expect(statements[0]).toBe('SELECT * FROM Account STARTPOSITION 1 MAXRESULTS 1000');
  });

  it('does not stop when QBO returns more rows than asked (the maxResults === limit trap)', async () => {
    const pages = [rows(11, 1), rows(4, 12)];
    let i = 0;
    const all = await readAllPages({ entity: 'Account' }, async () => pages[i++] ?? [], 10);
    expect(all).toHaveLength(15);
    expect(i).toBe(2);
  });

  it('drops a row seen twice when records shift between pages', async () => {
    const pages = [rows(3, 1), rows(2, 3)];
    let i = 0;
    const all = await readAllPages({ entity: 'Account' }, async () => pages[i++] ?? [], 3);
    expect(all.map((r) => r.Id)).toEqual(['1', '2', '3', '4']);
  });
});

describe('readVerifiedPages: a read that says less than the truth is an error, never a shorter list', () => {
  const rows = (n: number, from = 1) => Array.from({ length: n }, (_, i) => ({ Id: String(from + i) }));
  /** Serves `total` rows in pages, with `lie` applied to each page it serves. */
  const serve = (total: number, lie: (page: { Id: string }[], start: number) => { Id: string }[] = (p) => p) => {
    const statements: string[] = [];
    const fetchPage = async (sql: string) => {
      statements.push(sql);
      const start = Number(/STARTPOSITION (\d+)/.exec(sql)?.[1]);
      return lie(rows(Math.max(0, Math.min(1000, total - start + 1)), start), start);
    };
    return { statements, fetchPage };
  };

  it.each<[string, number, (page: { Id: string }[], start: number) => { Id: string }[]]>([
    ['an empty QueryResponse for a list that is not empty', 12, () => []],
    ['one row dropped from a page', 12, (p) => p.filter((r) => r.Id !== '7')],
    ['a short page before the count is reached', 2500, (p, start) => (start === 1001 ? p.slice(0, 10) : p)],
  ])('%s', async (_label, total, lie) => {
    const { fetchPage } = serve(total, lie);
    await expect(readVerifiedPages({ entity: 'Customer' }, fetchPage, async () => total)).rejects.toBeInstanceOf(
      QboIncompleteReadError,
    );
  });

  it('a count that moves while paging is an error that says so', async () => {
    const { fetchPage } = serve(12, (p) => p.slice(0, 11));
    const counts = [12, 10];
    await expect(readVerifiedPages({ entity: 'Customer' }, fetchPage, async () => counts.shift()!)).rejects.toThrow(
      /changed while it was read \(12 records, then 10\)/,
    );
  });

  it('pages in Id order, asks no page for an empty list, and none past the count', async () => {
    const empty = serve(0);
    await expect(
      readVerifiedPages({ entity: 'Customer', includeInactive: true }, empty.fetchPage, async () => 0),
    ).resolves.toEqual([]);
    expect(empty.statements).toEqual([]);
    const full = serve(2000);
    await expect(
      readVerifiedPages({ entity: 'Customer', includeInactive: true }, full.fetchPage, async () => 2000),
    ).resolves.toHaveLength(2000);
    expect(full.statements).toEqual([
      'SELECT * FROM Customer WHERE Active IN (true, false) ORDERBY Id ASC STARTPOSITION 1 MAXRESULTS 1000',
      'SELECT * FROM Customer WHERE Active IN (true, false) ORDERBY Id ASC STARTPOSITION 1001 MAXRESULTS 1000',
    ]);
  });

  it('records added while it read, counted again, make a whole read', async () => {
    const { fetchPage } = serve(13);
    const counts = [12, 13];
    await expect(
      readVerifiedPages({ entity: 'Customer' }, fetchPage, async () => counts.shift()!),
    ).resolves.toHaveLength(13);
  });
});

describe('fullReadCursor: CDC starts from QBO’s clock, not the browser’s', () => {
  it('is QBO’s answer time less the margin, even when the browser clock is 10 minutes fast', () => {
    const fast = () => new Date('2026-12-04T12:10:00Z');
    expect(fullReadCursor('2026-12-04T04:00:00-08:00', fast)).toBe(
      new Date(Date.parse('2026-12-04T12:00:00Z') - CURSOR_MARGIN_MS).toISOString(),
    );
  });

  it('falls back to the browser clock only when QBO sent no time', () => {
    expect(fullReadCursor(null, () => new Date('2026-12-04T12:00:00Z'))).toBe(
      new Date(Date.parse('2026-12-04T12:00:00Z') - CURSOR_MARGIN_MS).toISOString(),
    );
  });
});
