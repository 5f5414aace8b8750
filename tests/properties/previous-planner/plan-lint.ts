/**
 * Name lint before any write to QBO: characters or lengths QBO refuses, and hierarchies deeper than
 * QBO allows, become a Synchronization Error with the reason instead of a request.
 */
import { type EntityTypeId, ENTITY_TYPES, lintName, PATH_SEPARATOR } from '../../../lib/entities';
import { issues, type RowIssue } from '../../../lib/sync/issues';

/** `name` is the record's own name; `key` its full path (for the depth check). */
export function lintCreate(typeId: EntityTypeId, name: string, key: string): RowIssue | null {
  const problems = lintName(typeId, name);
  if (problems.length > 0) return issues.invalidName(problems.map((p) => p.message).join(' '));
  const max = ENTITY_TYPES[typeId].maxDepth;
  if (max !== undefined && ENTITY_TYPES[typeId].hierarchical && key.split(PATH_SEPARATOR).length > max)
    return issues.tooDeep(typeId, max);
  return null;
}
