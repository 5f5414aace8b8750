/**
 * Parent/child rules: FullyQualifiedName from the parent chain, depth caps, cycle refusal, and
 * rebuilding descendants' paths when a parent is renamed or moved.
 */
import { ENTITIES } from '../entities/catalog';
import { faults, type QboError } from '../errors';
import type { QboObject, StoredRecord, Table } from '../store/table';

export const refValue = (ref: unknown): string | undefined => {
  if (ref && typeof ref === 'object' && 'value' in ref) {
    const value = (ref as { value: unknown }).value;
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return undefined;
};

function depthOf(table: Table, rec: StoredRecord | undefined): number {
  let depth = 0;
  for (let cur = rec; cur; cur = table.get(refValue(cur.data.ParentRef) ?? '')) depth += 1;
  return depth;
}

export function childrenOf(table: Table, id: string): StoredRecord[] {
  return table.all().filter((r) => refValue(r.data.ParentRef) === id);
}

/** Sets FQN, the sub flag and Level on `data` for a record under `parent` (or at the top). */
export function placeUnder(
  table: Table,
  data: QboObject,
  parent: StoredRecord | undefined,
  explicitSubFlag: boolean,
): void {
  const def = table.def;
  const name = String(data[def.nameField]);
  data.FullyQualifiedName = parent ? `${String(parent.data.FullyQualifiedName)}:${name}` : name;
  if (def.subFlag && !explicitSubFlag) data[def.subFlag] = parent !== undefined;
  if (parent)
    data.ParentRef = {
      value: parent.id,
      ...(def.name === 'Customer' || def.name === 'Item' ? { name: parent.data[def.nameField] } : {}),
    };
  else delete data.ParentRef;
  if (def.name === 'Customer' || def.name === 'Item') data.Level = depthOf(table, parent);
}

/** Checks a proposed parent: it exists, is active, is not the record itself or below it, and depth fits. */
export function checkParent(
  table: Table,
  parentId: string,
  selfId: string | undefined,
  hidden: ReadonlySet<string>,
): { parent?: StoredRecord; error?: QboError } {
  const parent = hidden.has(`${table.def.name}:${parentId}`) ? undefined : table.get(parentId);
  if (!parent)
    return { error: faults.invalidRef(table.def.name === 'Class' ? 'Klasses' : `${table.def.name}s`, parentId) };
  if (parent.data.Active === false) return { error: faults.inactiveRef() };
  for (let cur: StoredRecord | undefined = parent; cur; cur = table.get(refValue(cur.data.ParentRef) ?? '')) {
    if (selfId !== undefined && cur.id === selfId)
      return { error: faults.business('A record cannot be its own parent or a parent of its ancestors.') };
  }
  const maxDepth = ENTITIES[table.def.name].maxDepth;
  if (maxDepth !== undefined && depthOf(table, parent) + 1 > maxDepth) {
    return { error: faults.business(`You can have only ${maxDepth} levels of sub-${table.def.name.toLowerCase()}s.`) };
  }
  return { parent };
}

/**
 * Rewrites descendants' FullyQualifiedName after `root` changed name or parent. Deliberately leaves
 * their SyncToken and LastUpdatedTime alone: whether QBO bumps them is unknown, and a client that
 * matches on full paths must cope with a CDC that only reports the parent.
 */
export function rebuildDescendants(table: Table, root: StoredRecord): void {
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift() as StoredRecord;
    for (const child of childrenOf(table, parent.id)) {
      const data = { ...child.data };
      placeUnder(table, data, parent, true);
      table.replace(child, data);
      queue.push(child);
    }
  }
}
