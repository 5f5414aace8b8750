/**
 * Loads a seed into a realm through the same write rules the API applies (so seeded data obeys
 * uniqueness, FQN and suffix rules); only read-only balances and the starting Preferences are set
 * directly.
 */
import type { NameListEntity } from '../entities/catalog';
import type { QboSwitches } from '../options';
import { mergePreferences } from '../service/preferences';
import { createEntity, updateEntity, type WriteContext } from '../service/writes';
import type { Realm } from '../store/realm';
import type { QboObject, StoredRecord } from '../store/table';
import type { SeedData, SeedPerson } from './types';

export function loadSeed(realm: Realm, seed: SeedData, deps: { switches: QboSwitches; now: number }): void {
  const ctx: WriteContext = {
    realm,
    switches: { ...deps.switches, rejectUnknownFields: false },
    now: deps.now,
    trusted: true,
  };
  const byPath = new Map<string, string>();
  // Set in place, not through an update: a company starts with these, at SyncToken 0.
  if (seed.preferences) realm.preferences.data = mergePreferences(realm.preferences.data, seed.preferences);

  const put = (type: NameListEntity, body: QboObject, active = true): StoredRecord => {
    const result = createEntity(ctx, type, body);
    if (!result.ok)
      throw new Error(`seed ${type} ${JSON.stringify(body)}: ${result.error.code} ${result.error.detail}`);
    let rec = result.record;
    byPath.set(`${type}:${String(rec.data.FullyQualifiedName ?? rec.data.DisplayName)}`, rec.id);
    if (!active) {
      const nameField = type === 'Account' || type === 'Class' ? { Name: rec.data.Name } : {};
      const off = updateEntity(ctx, type, {
        Id: rec.id,
        SyncToken: rec.data.SyncToken,
        sparse: true,
        Active: false,
        ...nameField,
      });
      if (!off.ok) throw new Error(`seed deactivate ${type} ${rec.id}: ${off.error.detail}`);
      rec = off.record;
    }
    return rec;
  };
  const ref = (type: NameListEntity, path: string | undefined): QboObject => {
    if (path === undefined) return {};
    const id = byPath.get(`${type}:${path}`);
    if (!id) throw new Error(`seed: no ${type} named ${path}`);
    return { value: id };
  };
  const person = (p: SeedPerson): QboObject => ({
    DisplayName: p.DisplayName,
    ...(p.CompanyName ? { CompanyName: p.CompanyName } : {}),
    ...(p.GivenName ? { GivenName: p.GivenName } : {}),
    ...(p.FamilyName ? { FamilyName: p.FamilyName } : {}),
    ...(p.email ? { PrimaryEmailAddr: { Address: p.email } } : {}),
    ...(p.phone ? { PrimaryPhone: { FreeFormNumber: p.phone } } : {}),
    ...(p.Balance !== undefined ? { Balance: p.Balance } : {}),
    ...(p.TaxIdentifier ? { TaxIdentifier: p.TaxIdentifier } : {}),
    ...(p.AcctNum ? { AcctNum: p.AcctNum } : {}),
  });

  for (const a of seed.accounts ?? []) {
    const { parent, Active, ...rest } = a;
    put('Account', { ...rest, ...(parent ? { ParentRef: ref('Account', parent) } : {}) }, Active !== false);
  }
  for (const [type, list] of [
    ['Class', seed.classes],
    ['Department', seed.departments],
  ] as const) {
    for (const c of list ?? [])
      put(type, { Name: c.Name, ...(c.parent ? { ParentRef: ref(type, c.parent) } : {}) }, c.Active !== false);
  }
  for (const c of seed.customers ?? []) put('Customer', person(c), c.Active !== false);
  for (const v of seed.vendors ?? []) put('Vendor', person(v), v.Active !== false);
  for (const e of seed.employees ?? []) put('Employee', person(e), e.Active !== false);
  for (const i of seed.items ?? []) {
    const body: QboObject = { Name: i.Name, Type: i.Type };
    if (i.income) body.IncomeAccountRef = ref('Account', i.income);
    if (i.expense) body.ExpenseAccountRef = ref('Account', i.expense);
    if (i.parent) body.ParentRef = ref('Item', i.parent);
    if (i.UnitPrice !== undefined) body.UnitPrice = i.UnitPrice;
    if (i.Description) body.Description = i.Description;
    put('Item', body, i.Active !== false);
  }
}
