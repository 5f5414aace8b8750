/** Pieces several entity type modules share: zod field groups, capabilities and QBO name rules. */
import { z } from 'zod';
import type { FieldSides } from './shape';

export const text = z.string().nullable();

export const base = {
  id: z.string().min(1),
  name: z.string(),
  active: z.boolean(),
};

export const hierarchy = { parentId: z.string().min(1).nullable() };

export const contact = { companyName: text, email: text, phone: text };

/** Read and written on both sides: compared and exchanged both ways. */
export const both: FieldSides = { cso: 'rw', qbo: 'rw' };

// Tab and line breaks are refused in every QBO name (2040); the colon separates hierarchy levels.
export const NAME_LIST_FORBIDDEN = [':', '\t', '\n', '\r'] as const;

/** QBO's lists keyed by Name (Account, Class, Department, Item): 100 characters, a namespace each. */
export const NAME_LIST = {
  nameMaxLength: 100,
  forbiddenChars: NAME_LIST_FORBIDDEN,
  sharesDisplayNameNamespace: false,
} as const;

/** Customers and both vendor kinds: keyed by DisplayName, 500 characters, one namespace with Employee. */
export const PERSON = {
  nameMaxLength: 500,
  forbiddenChars: NAME_LIST_FORBIDDEN,
  hierarchical: false,
  sharesDisplayNameNamespace: true,
  dependsOn: [],
  refs: {},
} as const;

export const PERSON_QBO_KEYS = {
  companyName: ['CompanyName'],
  email: ['PrimaryEmailAddr'],
  phone: ['PrimaryPhone'],
} as const;
