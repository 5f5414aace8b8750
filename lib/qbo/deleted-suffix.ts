/**
 * QBO renames an Account it deactivates to `Name (deleted)` (Name and FullyQualifiedName alike). One
 * rule, the QBO adapter's: reads see through it (map.ts), so the engine only ever sees the name, and
 * a reactivation writes the name back without it.
 */
const DELETED_SUFFIX = ' (deleted)';

export function stripDeletedSuffix(name: string): string {
  return name.endsWith(DELETED_SUFFIX) ? name.slice(0, -DELETED_SUFFIX.length) : name;
}
