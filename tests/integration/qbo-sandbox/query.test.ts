// §13 items 13–16: the query language, its defaults, response shapes and errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultOf, startHarness, type Harness, type Json } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.sb.stop());

const rows = async (statement: string, entity: string): Promise<Json[]> =>
  (await h.expectJson(h.query(statement), 200)).QueryResponse[entity] ?? [];
const names = async (statement: string, entity: string, field = 'DisplayName') =>
  (await rows(statement, entity)).map((r) => r[field]);

describe('§13.13 grammar', () => {
  it('filters with =, IN, LIKE, <, >, <=, >= joined by AND', async () => {
    expect(
      await names("SELECT * FROM Account WHERE AccountType = 'Income' AND Name LIKE 'Car%'", 'Account', 'Name'),
    ).toEqual(['Car Wash']);
    expect(
      await names("select * from Vendor where DisplayName in ('Bluebonnet Snacks', 'Millbrook Electric')", 'Vendor'),
    ).toEqual(['Bluebonnet Snacks', 'Millbrook Electric']);
    expect(await names("select * from Customer where DisplayName like '%marina'", 'Customer')).toEqual([
      'Lakeside Marina',
    ]);
    expect(
      (await rows("select * from Account where AcctNum >= '4000' and AcctNum < '4100'", 'Account')).map(
        (r) => r.AcctNum,
      ),
    ).toEqual(['4000', '4010', '4020', '4030']);
    expect((await rows("select * from Customer where Balance > '1000'", 'Customer')).map((r) => r.DisplayName)).toEqual(
      ['Hill Country Landscaping'],
    );
    expect(
      (await rows("select * from Customer where MetaData.LastUpdatedTime <= '2026-03-02T10:00:00-07:00'", 'Customer'))
        .length,
    ).toBe(6);
  });

  it('treats keywords, entity and property names and string values case-insensitively', async () => {
    expect(await names("sElEcT * FrOm customer WhErE displayname = 'lakeside MARINA'", 'Customer')).toEqual([
      'Lakeside Marina',
    ]);
  });

  it("unescapes \\' inside values", async () => {
    expect(await names("select * from Customer where DisplayName = 'O\\'Connor Towing'", 'Customer')).toEqual([
      "O'Connor Towing",
    ]);
  });

  it('orders with ORDERBY ASC / DESC and pages with STARTPOSITION (1-based) and MAXRESULTS', async () => {
    const all = await names('select * from Vendor orderby DisplayName desc', 'Vendor');
    expect(all).toEqual([...all].sort().reverse());
    expect(await names('select * from Vendor orderby DisplayName startposition 2 maxresults 3', 'Vendor')).toEqual(
      [...all].sort().slice(1, 4),
    );
    const page = (await h.expectJson(h.query('select * from Vendor startposition 3 maxresults 2'), 200)).QueryResponse;
    expect(page).toMatchObject({ startPosition: 3, maxResults: 2 });
    expect(page.Vendor.map((v: { Id: string }) => v.Id)).toEqual(['3', '4']);
  });

  it('accepts POST /query with an application/text body', async () => {
    const res = await fetch(`${h.url}/v3/company/${h.realm}/query`, {
      method: 'POST',
      headers: { ...h.headers, 'Content-Type': 'application/text' },
      body: "select * from Class where Name = 'Fuel'",
    });
    expect((await h.expectJson(res, 200)).QueryResponse.Class[0].Name).toBe('Fuel');
  });

  it('queries CompanyInfo and Preferences', async () => {
    expect((await rows('select * from CompanyInfo', 'CompanyInfo'))[0]?.CompanyName).toBe(
      'Millbrook Fuel & Convenience LLC',
    );
    expect((await rows('select * from Preferences', 'Preferences'))[0]?.AccountingInfoPrefs.DepartmentTerminology).toBe(
      'Location',
    );
  });
});

describe('§13.14 Active defaults', () => {
  it('returns active records only unless Active is in the WHERE clause', async () => {
    const active = await names('select * from Vendor', 'Vendor');
    expect(active).not.toContain('Old Ice Supplier');
    expect(await names('select * from Vendor where Active = false', 'Vendor')).toEqual(['Old Ice Supplier']);
    expect(await names('select * from Vendor where Active in (true, false)', 'Vendor')).toHaveLength(active.length + 1);
  });
});

describe('§13.15 response shapes', () => {
  it('reports maxResults as the number of rows returned, {} for no rows and totalCount for COUNT', async () => {
    const body = await h.expectJson(h.query('select * from Department maxresults 50'), 200);
    expect(body.QueryResponse.maxResults).toBe(body.QueryResponse.Department.length);
    expect(
      (await h.expectJson(h.query("select * from Customer where DisplayName = 'Nobody At All'"), 200)).QueryResponse,
    ).toEqual({});
    expect(
      (await h.expectJson(h.query('select count(*) from Department where Active in (true,false)'), 200)).QueryResponse,
    ).toEqual({ totalCount: 5 });
  });

  it('defaults to 100 rows per page', async () => {
    for (let i = 0; i < 110; i += 1)
      await h.expectJson(h.post('customer', { DisplayName: `Paging Customer ${String(i).padStart(3, '0')}` }), 200);
    expect((await h.expectJson(h.query('select * from Customer'), 200)).QueryResponse.maxResults).toBe(100);
  });
});

describe('§13.16 query errors', () => {
  it.each([
    [
      "select * from Customer where DisplayName = 'a' or DisplayName = 'b'",
      'QueryParserError: Encountered " "or" "or "" at line 1, column 48.',
    ],
    [
      "select * from Customer where DisplayName != 'a'",
      'QueryParserError: Encountered " "!=" "!= "" at line 1, column 42.',
    ],
    [
      "select * from Customer where DisplayName = 'unterminated",
      'QueryParserError: Invalid content. Lexical error at line 1, column ',
    ],
    [
      'select DisplayName from Customer',
      'QueryParserError: Encountered " <IDENTIFIER> "DisplayName "" at line 1, column 8.',
    ],
    [
      "select * from Customer where DisplayName = 'a%25b' %",
      'QueryParserError: Invalid content. Lexical error at line 1, column 52.  Encountered: "%" (37)',
    ],
  ])('answers 4000 Error parsing query to %s', async (statement, detailStart) => {
    const error = faultOf(await h.expectJson(h.query(statement), 400));
    expect(error).toMatchObject({ code: '4000', Message: 'Error parsing query', type: 'ValidationFault' });
    expect(error.Detail.startsWith(detailStart)).toBe(true);
  });

  it.each([
    [
      "select * from Vendor where PrimaryEmailAddr = 'a@b.c'",
      "QueryValidationError: property 'PrimaryEmailAddr' is not queryable",
    ],
    ['select * from Vendor orderby Balance', "QueryValidationError: property 'Balance' is not queryable"],
    [
      'select * from Customer maxresults 1500',
      'QueryValidationError: value 1500 is too large. Max allowed value is 1000',
    ],
    ["select * from Customer where Id > '3'", "QueryValidationError: operator '>' is not supported for property 'Id'"],
    ['select * from Widget', "QueryValidationError: Entity 'Widget' is not supported"],
  ])('answers 4001 Invalid query to %s', async (statement, detail) => {
    expect(faultOf(await h.expectJson(h.query(statement), 400))).toMatchObject({
      code: '4001',
      Message: 'Invalid query',
      Detail: detail,
    });
  });
});
