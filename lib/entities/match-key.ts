/**
 * How two records are recognised as the same entity: by exact name, and for hierarchical types by
 * the full `Parent:Child` path, the way QBO's FullyQualifiedName spells it.
 */
import { type EntityTypeId, ENTITY_TYPES } from './catalog';

export const PATH_SEPARATOR = ':';

export interface PathNode {
  id: string;
  name: string;
  parentId?: string | null;
}

export interface ResolvedPath {
  segments: string[];
  /** False when a parent is missing or the parent chain loops; such a key must not be matched. */
  complete: boolean;
}

/** Walks up the parent chain (guarding against loops and dangling parents). */
export function resolvePath(node: PathNode, lookup: (id: string) => PathNode | undefined): ResolvedPath {
  const segments = [node.name];
  const seen = new Set([node.id]);
  let parentId = node.parentId;
  while (parentId) {
    const parent = lookup(parentId);
    if (!parent || seen.has(parent.id)) return { segments, complete: false };
    seen.add(parent.id);
    segments.unshift(parent.name);
    parentId = parent.parentId;
  }
  return { segments, complete: true };
}

/** The exact key a type matches on: the full path for hierarchical types, the bare name otherwise. */
export function matchKey(typeId: EntityTypeId, node: PathNode, lookup: (id: string) => PathNode | undefined): string {
  if (!ENTITY_TYPES[typeId].hierarchical) return node.name;
  return resolvePath(node, lookup).segments.join(PATH_SEPARATOR);
}

/**
 * Two keys that differ only by letter case, spacing or Unicode composition are a near match:
 * QBO's duplicate check would treat them as one name, so creating the second would fail.
 */
export function nearMatchKey(key: string): string {
  return key
    .normalize('NFC')
    .toLocaleLowerCase('en-US')
    .replace(/\s+/g, ' ')
    .split(PATH_SEPARATOR)
    .map((segment) => segment.trim())
    .join(PATH_SEPARATOR);
}
