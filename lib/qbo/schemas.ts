/**
 * zod schemas for what QBO sends back: the entities we sync, CompanyInfo, and the envelopes around
 * them (single entity, query, batch, CDC). Objects are loose: QBO adds fields with every minor
 * version, and a field we do not know must not turn a good answer into an error.
 */
import { z } from 'zod';
import type { QboEntityName } from '../entities';
import { QboResponseError } from './errors';

export const Ref = z.looseObject({ value: z.string(), name: z.string().optional() });
export const MetaData = z.looseObject({ CreateTime: z.string().optional(), LastUpdatedTime: z.string().optional() });

const base = {
  Id: z.string().min(1),
  SyncToken: z.string(),
  Active: z.boolean().optional(),
  domain: z.string().optional(),
  sparse: z.boolean().optional(),
  MetaData: MetaData.optional(),
};

const hierarchy = { FullyQualifiedName: z.string().optional(), ParentRef: Ref.optional() };

export const QboAccount = z.looseObject({
  ...base,
  ...hierarchy,
  Name: z.string(),
  SubAccount: z.boolean().optional(),
  AccountType: z.string().optional(),
  AccountSubType: z.string().optional(),
  Classification: z.string().optional(),
  AcctNum: z.string().optional(),
  Description: z.string().optional(),
});

export const QboClass = z.looseObject({ ...base, ...hierarchy, Name: z.string(), SubClass: z.boolean().optional() });

export const QboAddress = z.looseObject({
  Id: z.string().optional(),
  Line1: z.string().optional(),
  Line2: z.string().optional(),
  Line3: z.string().optional(),
  Line4: z.string().optional(),
  Line5: z.string().optional(),
  City: z.string().optional(),
  CountrySubDivisionCode: z.string().optional(),
  PostalCode: z.string().optional(),
  Country: z.string().optional(),
});

export const QboDepartment = z.looseObject({
  ...base,
  ...hierarchy,
  Name: z.string(),
  SubDepartment: z.boolean().optional(),
  Address: QboAddress.optional(),
});

const contact = {
  DisplayName: z.string(),
  CompanyName: z.string().optional(),
  PrimaryEmailAddr: z.looseObject({ Address: z.string().optional() }).optional(),
  PrimaryPhone: z.looseObject({ FreeFormNumber: z.string().optional() }).optional(),
};

export const QboCustomer = z.looseObject({
  ...base,
  ...contact,
  FullyQualifiedName: z.string().optional(),
  ParentRef: Ref.optional(),
});
export const QboVendor = z.looseObject({
  ...base,
  ...contact,
  TaxIdentifier: z.string().optional(),
  AcctNum: z.string().optional(),
});
/** Employees are read only to know which display names they hold (one namespace with Customer/Vendor). */
export const QboEmployee = z.looseObject({ ...base, DisplayName: z.string() });

export const QboItem = z.looseObject({
  ...base,
  ...hierarchy,
  Name: z.string(),
  Type: z.string().optional(),
  IncomeAccountRef: Ref.optional(),
  ExpenseAccountRef: Ref.optional(),
});

export const QboCompanyInfo = z.looseObject({
  Id: z.string().optional(),
  SyncToken: z.string().optional(),
  CompanyName: z.string(),
  LegalName: z.string().optional(),
  Country: z.string().optional(),
});

/**
 * The accounting settings synchronization depends on. QBO's schema makes every one optional; a
 * value of the wrong type, or no AccountingInfoPrefs at all, is an answer we cannot read.
 */
export const QboPreferences = z.looseObject({
  AccountingInfoPrefs: z.looseObject({
    ClassTrackingPerTxn: z.boolean().optional(),
    ClassTrackingPerTxnLine: z.boolean().optional(),
    TrackDepartments: z.boolean().optional(),
    DepartmentTerminology: z.string().optional(),
    UseAccountNumbers: z.boolean().optional(),
    /** The books are closed through this date (`YYYY-MM-DD`); absent or null while they are open. */
    BookCloseDate: z.string().nullish(),
  }),
  SyncToken: z.string().optional(),
});

/** One schema per QBO list the entity types use (lib/entities/types), plus Employee; full reads follow this order. */
export const ENTITY_SCHEMAS = {
  Account: QboAccount,
  Class: QboClass,
  Department: QboDepartment,
  Customer: QboCustomer,
  Vendor: QboVendor,
  Employee: QboEmployee,
  Item: QboItem,
} as const satisfies Record<QboEntityName | 'Employee', z.ZodType>;

export type QboEntity = keyof typeof ENTITY_SCHEMAS;
export type QboEntityMap = { [K in QboEntity]: z.infer<(typeof ENTITY_SCHEMAS)[K]> };
export type QboAccount = z.infer<typeof QboAccount>;
export type QboClass = z.infer<typeof QboClass>;
export type QboDepartment = z.infer<typeof QboDepartment>;
export type QboCustomer = z.infer<typeof QboCustomer>;
export type QboVendor = z.infer<typeof QboVendor>;
export type QboEmployee = z.infer<typeof QboEmployee>;
export type QboItem = z.infer<typeof QboItem>;
export type QboCompanyInfo = z.infer<typeof QboCompanyInfo>;
export type QboPreferences = z.infer<typeof QboPreferences>;
export type QboAddress = z.infer<typeof QboAddress>;

export function isQboEntity(value: string): value is QboEntity {
  return Object.hasOwn(ENTITY_SCHEMAS, value);
}

/** `{"QueryResponse": {"Account": [...], "startPosition": 1, "maxResults": 3}, "time": ...}`; no rows → `{}`. */
export const QueryEnvelope = z.looseObject({
  QueryResponse: z.looseObject({
    startPosition: z.number().optional(),
    maxResults: z.number().optional(),
    totalCount: z.number().optional(),
  }),
  time: z.string().optional(),
});

/** A batch answer: every item carries its bId and one of an entity, a QueryResponse or a Fault. */
export const BatchEnvelope = z.looseObject({
  BatchItemResponse: z.array(z.looseObject({ bId: z.string().optional(), Fault: z.unknown().optional() })),
  time: z.string().optional(),
});

/** One group per requested entity type; a group with no changes is `{}`. */
export const CdcEnvelope = z.looseObject({
  CDCResponse: z.array(z.looseObject({ QueryResponse: z.array(z.record(z.string(), z.unknown())).optional() })).min(1),
  time: z.string().optional(),
});

/** A hard-deleted object (a transaction, a Category item): in CDC, and as the answer to `?operation=delete`. */
export const DeletedStub = z.looseObject({ Id: z.string(), status: z.literal('Deleted') });
export type QboDeletedStub = z.infer<typeof DeletedStub>;

/** Validates `value`, turning a mismatch into a QboResponseError that says where and what. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string, intuitTid = ''): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  return failShape(`QuickBooks sent ${what} in an unexpected shape (${issues})`, intuitTid);
}

function failShape(message: string, intuitTid: string): never {
  throw new QboResponseError(message, intuitTid);
}
