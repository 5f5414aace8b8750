/**
 * QBO renames an Account it deactivates to `Name (deleted)` (Name and FullyQualifiedName alike). One
 * rule, read by the QBO adapter (writes and reads) and by the engine, which sees through it.
 */
export const DELETED_SUFFIX = ' (deleted)';

export function stripDeletedSuffix(name: string): string {
  return name.endsWith(DELETED_SUFFIX) ? name.slice(0, -DELETED_SUFFIX.length) : name;
}
