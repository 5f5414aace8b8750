// Field validation for creates and updates (the 422 rules). Pure: the caller passes a lookup for
// references, so the same code serves the API, the hand-edit pages and the control API.
import { ENTITY_SPECS, NAME_MAX, type FieldSpec, type Segment } from './entity-specs';

export type Values = Record<string, unknown>;
export type FieldErrors = Record<string, string>;
export type Validation = { ok: true; values: Values } | { ok: false; fields: FieldErrors };

export interface RefLookup {
  /** The live record's values, or undefined when no live record of that type has this id. */
  find(segment: Segment, id: string): Values | undefined;
}

const READ_ONLY = new Set(['id', 'version', 'updatedAt', 'deleted']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks `input` against the type's rules. On create, missing optional fields get their defaults;
 * on update (`current` given) only the fields present are checked and returned.
 */
export function validateInput(
  segment: Segment,
  input: unknown,
  refs: RefLookup,
  current?: Values & { id: string },
): Validation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, fields: { _: 'The body must be a JSON object.' } };
  }
  const spec = ENTITY_SPECS[segment];
  const body = input as Values;
  const creating = current === undefined;
  const fields: FieldErrors = {};
  const values: Values = {};

  for (const key of Object.keys(body)) {
    const known = key === 'name' || key === 'active' || (key === 'parentId' && spec.hierarchical) || key in spec.fields;
    if (!known && !READ_ONLY.has(key)) fields[key] = `Unknown field for ${spec.label}.`;
  }

  if ('name' in body || creating) {
    const name = body.name;
    if (typeof name !== 'string' || name.trim() === '') fields.name = 'Name is required.';
    else if (name.length > NAME_MAX) fields.name = `Name is longer than ${NAME_MAX} characters.`;
    else values.name = name;
  }
  if ('active' in body) {
    if (typeof body.active !== 'boolean') fields.active = 'Active must be true or false.';
    else values.active = body.active;
  } else if (creating) values.active = true;

  if (spec.hierarchical && ('parentId' in body || creating)) {
    const error = checkParent(segment, body.parentId ?? null, refs, current);
    if (error) fields.parentId = error;
    else values.parentId = body.parentId ?? null;
  }

  for (const [key, fieldSpec] of Object.entries(spec.fields)) {
    if (!(key in body)) {
      if (creating) values[key] = fieldSpec.kind === 'enum' ? fieldSpec.default : null;
      continue;
    }
    const cleared = fieldSpec.kind === 'pattern' && fieldSpec.autoAssign && body[key] === null && !creating;
    const error = cleared ? 'This field cannot be emptied.' : checkField(fieldSpec, body[key], refs);
    if (error) fields[key] = error;
    else values[key] = body[key];
  }

  if (segment === 'accounts' && !fields.parentId && !fields.accountType) {
    const parentId = (('parentId' in values ? values.parentId : current?.parentId) ?? null) as string | null;
    const type = 'accountType' in values ? values.accountType : current?.accountType;
    const parent = parentId ? refs.find('accounts', parentId) : undefined;
    if (parent && parent.accountType !== type) {
      fields.parentId = `A sub-account must have its parent's account type (${String(parent.accountType)}).`;
    }
  }
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, values };
}

function checkParent(
  segment: Segment,
  parentId: unknown,
  refs: RefLookup,
  current?: Values & { id: string },
): string | undefined {
  if (parentId === null) return undefined;
  if (typeof parentId !== 'string') return 'Parent must be an id (a string) or null.';
  if (!refs.find(segment, parentId)) return `No ${ENTITY_SPECS[segment].label} with id ${parentId}.`;
  // Walk up from the proposed parent: meeting ourselves would make a loop.
  let cursor: string | null = parentId;
  for (let depth = 0; cursor !== null && depth < 100; depth++) {
    if (cursor === current?.id) return 'An entity cannot be placed under itself or one of its own children.';
    const parent = refs.find(segment, cursor);
    cursor = (parent?.parentId as string | null | undefined) ?? null;
  }
  return undefined;
}

function checkField(spec: FieldSpec, value: unknown, refs: RefLookup): string | undefined {
  if (spec.kind === 'enum') {
    return typeof value === 'string' && spec.values.includes(value)
      ? undefined
      : `Must be one of: ${spec.values.join(', ')}.`;
  }
  if (value === null) {
    return spec.kind === 'text' && spec.required ? 'This field is required.' : undefined;
  }
  if (typeof value !== 'string') return 'Must be a string or null.';
  switch (spec.kind) {
    case 'text':
      return value.length > spec.max ? `Longer than ${spec.max} characters.` : undefined;
    case 'email':
      return EMAIL.test(value) ? undefined : 'Not a valid e-mail address.';
    case 'pattern':
      return spec.pattern.test(value) ? undefined : spec.hint;
    case 'ref':
      return refs.find(spec.target, value) ? undefined : `No ${ENTITY_SPECS[spec.target].label} with id ${value}.`;
  }
}
