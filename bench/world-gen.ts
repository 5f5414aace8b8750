/**
 * Generated in-memory worlds for the planning benchmark: N records per side across the seven
 * types (mostly customers and vendors, as in a real chain), a first sync with no links: half the
 * names exist on both sides (they are matched and linked), a quarter only in CStoreOffice and a
 * quarter only in QuickBooks (they are created on the other side).
 */
import type { MirrorData } from '../lib/sync';

type Rec = Record<string, string | boolean | null>;

const SHARE: ReadonlyArray<[cso: string, qbo: string, fraction: number]> = [
  ['account', 'Account', 0.02],
  ['class', 'Class', 0.01],
  ['location', 'Department', 0.01],
  ['customer', 'Customer', 0.6],
  ['priceBookVendor', 'Vendor', 0.16],
  ['accountingVendor', 'Vendor', 0.1],
  ['dataType', 'Item', 0.1],
];

/**
 * One record, written out per type with no spread: records read from IndexedDB or JSON share one
 * shape per type, while spread copies get a hidden class each, which makes every property read of
 * the planner a slow look-up and would measure that instead of the planner.
 */
function record(type: string, id: string, name: string, parentId: string | null, creditAccountId: string | null): Rec {
  switch (type) {
    case 'account':
      return {
        id,
        name,
        active: true,
        revision: '1',
        updatedAt: null,
        parentId,
        number: null,
        accountType: 'Income',
        description: null,
      };
    case 'class':
      return { id, name, active: true, revision: '1', updatedAt: null, parentId };
    case 'location':
      return { id, name, active: true, revision: '1', updatedAt: null, parentId, address: null };
    case 'dataType':
      return { id, name, active: true, revision: '1', updatedAt: null, creditAccountId };
    case 'customer':
      return {
        id,
        name,
        active: true,
        revision: '1',
        updatedAt: null,
        companyName: null,
        email: `${id}@example.com`,
        phone: null,
      };
    default:
      return {
        id,
        name,
        active: true,
        revision: '1',
        updatedAt: null,
        companyName: null,
        email: null,
        phone: null,
        taxId: null,
      };
  }
}

export function generateMirror(n: number): MirrorData {
  const cso: Record<string, Rec[]> = {};
  const qbo: Record<string, Rec[]> = {};
  for (const [csoType, qboEntity, fraction] of SHARE) {
    const count = Math.max(4, Math.round(n * fraction));
    const csoList = (cso[csoType] = [] as Rec[]);
    const qboList = (qbo[qboEntity] ??= []);
    const hierarchical = csoType === 'account' || csoType === 'class' || csoType === 'location';
    const label = `${csoType} ${qboEntity}`;
    // Names 0 … 3/4·count on the CStoreOffice side, 1/4·count … count on QuickBooks': half shared.
    const csoEnd = Math.floor(count * 0.75);
    const qboStart = Math.floor(count * 0.25);
    for (let i = 0; i < csoEnd; i++) {
      // Every tenth record of a hierarchical list is a child of the one before it.
      const parent = hierarchical && i % 10 === 9 ? `c-${csoType}-${i - 1}` : null;
      const name = parent ? `Sub ${label} ${i}` : `${label} ${i}`;
      csoList.push(record(csoType, `c-${csoType}-${i}`, name, parent, csoType === 'dataType' ? 'c-account-0' : null));
    }
    for (let i = qboStart; i < count; i++) {
      const parent = hierarchical && i % 10 === 9 && i - 1 >= qboStart ? `q-${csoType}-${i - 1}` : null;
      const name =
        hierarchical && i % 10 === 9 && parent
          ? `Sub ${label} ${i}`
          : hierarchical && i % 10 === 9
            ? `Sub ${label} ${i}`
            : `${label} ${i}`;
      qboList.push(record(csoType, `q-${csoType}-${i}`, name, parent, csoType === 'dataType' ? 'q-account-1' : null));
    }
  }
  return {
    cso,
    qbo,
    reserved: [],
    cursors: { cso: null, qbo: null },
    issues: [],
    ignores: [],
    realmId: null,
  } as unknown as MirrorData;
}
