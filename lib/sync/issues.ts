/**
 * The problems planning finds before any request, each worded for a bookkeeper: what is wrong,
 * which record on the other side is involved, and what to do. Error codes from the services are
 * translated in `error-words.ts`.
 */
import { type EntityTypeId, ENTITY_TYPES } from '../entities';
import type { RecordValues } from './types';

export type IssueCode =
  | 'nearMatch'
  | 'ambiguous'
  | 'nameTaken'
  | 'namespaceCollision'
  | 'duplicateName'
  | 'csoNameTaken'
  | 'invalidName'
  | 'tooDeep'
  | 'blocked'
  | 'typeTurnedOff'
  | 'refDeleted'
  | 'absenceUnconfirmed'
  | 'goneFromQbo'
  | 'leftScope'
  | 'refInactive'
  | 'deletionHeld'
  | 'defaultAccountLeaving'
  | 'activeChild'
  | 'csoNumberTaken'
  | 'csoNumberFormat'
  | 'noIncomeAccount'
  | 'conflict'
  | 'sharedConflict'
  | 'writeFailed';

/** What the user can do about an issue from the table. */
export type Remedy = 'linkNearMatch' | 'keepCso' | 'keepQbo' | 'ignore';

export interface IssueRef {
  side: 'cso' | 'qbo';
  typeId: EntityTypeId;
  id: string;
  name: string;
}

export interface RowIssue {
  code: IssueCode;
  title: string;
  detail: string;
  remedies: Remedy[];
  /** The record on the other side (or the same side) the issue is about. */
  other?: IssueRef;
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'name',
  parentId: 'parent',
  number: 'number',
  accountType: 'account type',
  description: 'description',
  active: 'active',
  companyName: 'company name',
  email: 'email',
  phone: 'phone',
  creditAccountId: 'credit account',
  address: 'address',
  taxId: 'tax id',
};

export function what(typeId: EntityTypeId): string {
  return ENTITY_TYPES[typeId].label.toLowerCase();
}

export function fieldList(fields: string[]): string {
  return fields.map((f) => FIELD_LABELS[f] ?? f).join(', ');
}

const where = (ref: IssueRef) => (ref.side === 'qbo' ? 'QuickBooks' : 'CStoreOffice');
const quote = (ref: IssueRef) => `${what(ref.typeId)} “${ref.name}”`;

export const issues = {
  nearMatch(other: IssueRef): RowIssue {
    return {
      code: 'nearMatch',
      title: 'Almost the same name on the other side',
      detail: `${where(other)} has the ${quote(other)}, which differs only in capital letters or spaces. QuickBooks treats such names as the same, so a second one cannot be created. Link this row to “${other.name}”, or rename one of them.`,
      remedies: ['linkNearMatch', 'ignore'],
      other,
    };
  },
  ambiguous(others: IssueRef[]): RowIssue {
    const list = others.map((o) => `${where(o)} “${o.name}”`).join(', ');
    return {
      code: 'ambiguous',
      title: 'More than one possible match',
      detail: `Several records could be this one: ${list}. The sync will not guess. Rename or make inactive the ones that are not the same entity, then synchronize again.`,
      remedies: ['ignore'],
      ...(others[0] ? { other: others[0] } : {}),
    };
  },
  nameTaken(other: IssueRef): RowIssue {
    return {
      code: 'nameTaken',
      title: 'Name already used in QuickBooks',
      detail: `QuickBooks already has the ${quote(other)}, which it treats as the same name. Rename this one in CStoreOffice, or link it to that record if they are the same.`,
      remedies: ['ignore'],
      other,
    };
  },
  namespaceCollision(name: string, holders: string[]): RowIssue {
    return {
      code: 'namespaceCollision',
      title: 'Name shared by a customer and a vendor',
      detail: `“${name}” is also the name of ${holders.join(' and ')}. In QuickBooks customers, vendors and employees cannot share a name (QuickBooks error 6240, “Duplicate Name Exists”). Rename one of them in CStoreOffice, for example by adding “(vendor)”.`,
      remedies: ['ignore'],
    };
  },
  duplicateName(other: IssueRef): RowIssue {
    return {
      code: 'duplicateName',
      title: 'Two records would get the same name',
      detail: `The ${quote(other)} in ${where(other)} would get the same name in ${other.side === 'cso' ? 'QuickBooks' : 'CStoreOffice'} (names that differ only in capital letters or spaces count as the same). Rename one of them.`,
      remedies: ['ignore'],
      other,
    };
  },
  csoNameTaken(other: IssueRef): RowIssue {
    return {
      code: 'csoNameTaken',
      title: 'Name already used in CStoreOffice',
      detail: `CStoreOffice already has the ${quote(other)}, and its names must be unique even under different parents. Rename one of them.`,
      remedies: ['ignore'],
      other,
    };
  },
  invalidName(reason: string): RowIssue {
    return { code: 'invalidName', title: 'QuickBooks would refuse the name', detail: `${reason} Nothing was sent to QuickBooks.`, remedies: ['ignore'] };
  },
  tooDeep(typeId: EntityTypeId, max: number): RowIssue {
    return {
      code: 'tooDeep',
      title: 'Too many levels for QuickBooks',
      detail: `QuickBooks allows at most ${max} levels of ${what(typeId)}s. Move it higher up in CStoreOffice.`,
      remedies: ['ignore'],
    };
  },
  blocked(other: IssueRef, role: string): RowIssue {
    return {
      code: 'blocked',
      title: `Waits for its ${role.split(',')[0]}`,
      detail: `Its ${role}, the ${quote(other)}, is not synchronized yet because it has its own issue. Fix that row first; this one follows on the next sync.`,
      remedies: [],
      other,
    };
  },
  /** A write needs a name another record gives up only in a change of its own that cannot be made now. */
  nameHeld(other: IssueRef, swap: boolean): RowIssue {
    return {
      code: 'blocked',
      title: 'Waits for its name',
      detail: swap
        ? `It swaps names with the ${quote(other)}, and neither side can hold both names at once. Rename one of them to a third name first, then synchronize again.`
        : `The name it needs is still held by the ${quote(other)}, whose own change cannot be made in this sync (see its row). Fix that row first; this one follows on the next sync.`,
      remedies: [],
      other,
    };
  },
  csoNumberTaken(number: string, other: IssueRef): RowIssue {
    return {
      code: 'csoNumberTaken',
      title: 'Account number already used in CStoreOffice',
      detail: `The ${quote(other)} ${other.side === 'cso' ? 'in CStoreOffice already has' : 'from QuickBooks would also get'} number ${number}, and CStoreOffice's account numbers must be unique. Change the number of one of them (in QuickBooks or CStoreOffice), then synchronize again. Nothing was sent to CStoreOffice.`,
      remedies: ['ignore'],
      other,
    };
  },
  csoNumberFormat(number: string): RowIssue {
    return {
      code: 'csoNumberFormat',
      title: 'Account number CStoreOffice does not accept',
      detail: `QuickBooks numbers this account ${number}, but CStoreOffice numbers accounts with four digits, or four digits, a dot and two for a sub-account (e.g. 1010 or 1010.01). Change the number in QuickBooks, then synchronize again. Nothing was sent to CStoreOffice.`,
      remedies: ['ignore'],
    };
  },
  /** A parent deleted in CStoreOffice whose QBO record still has an active child QBO would strand. */
  activeChild(child: IssueRef): RowIssue {
    return {
      code: 'activeChild',
      title: 'Still has active sub-entries in QuickBooks',
      detail: `It was deleted in CStoreOffice, but in QuickBooks the ${quote(child)} is still active under it, and QuickBooks would leave that one under an inactive parent. Move or deactivate it in QuickBooks (or restore this one in CStoreOffice), then synchronize again. Nothing was deactivated.`,
      remedies: ['ignore'],
      other: child,
    };
  },
  /** A data type would post to the default income account while this sync makes it inactive. */
  defaultAccountLeaving(account: IssueRef): RowIssue {
    return {
      code: 'defaultAccountLeaving',
      title: 'Its default income account is being removed',
      detail: `It has no credit account, so in QuickBooks it would post to the default income account, the ${quote(account)}. That account was deleted in CStoreOffice and this sync makes it inactive in QuickBooks. Give it a credit account in CStoreOffice, or choose another default income account in the options, then synchronize again. Nothing was sent to QuickBooks.`,
      remedies: ['ignore'],
      other: account,
    };
  },
  /** A removal held back by the deletion breaker until the user confirms it (the row stays Waiting for Deletion). */
  deletionHeld(count: number, linked: number, typeId: EntityTypeId): RowIssue {
    return {
      code: 'deletionHeld',
      title: 'Deletion waits for your review',
      detail: `This sync would delete or make inactive ${count} of the ${linked} linked ${what(typeId)}s, more than it does without asking. None of them was written. Review the list under Review deletions and confirm it, or fix what removed them, then synchronize again.`,
      remedies: [],
    };
  },
  /** A write to QBO would name a record QBO holds inactive (QBO refuses it: Invalid Reference Id). */
  refInactive(other: IssueRef, role: string): RowIssue {
    return {
      code: 'refInactive',
      title: `Its ${role} is inactive in QuickBooks`,
      detail: `Its ${role}, the ${quote(other)} in QuickBooks, is inactive there, and QuickBooks refuses a reference to an inactive record. Reactivate it in QuickBooks, or choose another ${role} in CStoreOffice, then synchronize again. Nothing was sent to QuickBooks.`,
      remedies: ['ignore'],
      other,
    };
  },
  /** A linked record missing from the last read, not (yet) confirmed gone by a read by id. */
  absenceUnconfirmed(side: 'cso' | 'qbo', reason: string | null): RowIssue {
    const [where, other] = side === 'qbo' ? ['QuickBooks', 'CStoreOffice'] : ['CStoreOffice', 'QuickBooks'];
    return {
      code: 'absenceUnconfirmed',
      title: `Not found in the last ${where} read`,
      detail: `It was missing from the last ${where} read${reason ? `, and asking ${where} for it by itself got no answer (${reason})` : ''}. It is kept, linked, and nothing is changed in ${other} until ${where} confirms it is gone. Synchronize again later.`,
      remedies: [],
    };
  },
  /** QBO answered "not found" for a linked record's Id (QBO makes name-list records inactive; a merge removes one). */
  goneFromQbo(qboId: string): RowIssue {
    return {
      code: 'goneFromQbo',
      title: 'No longer in QuickBooks',
      detail: `QuickBooks no longer has its record (Id ${qboId}); a merge in QuickBooks removes one this way. Nothing was deleted in CStoreOffice. Use Remove Link to create it in QuickBooks again, or delete or deactivate it in CStoreOffice yourself.`,
      remedies: ['ignore'],
    };
  },
  /** A linked record still exists but is no longer one this product reads (an Item whose type changed). */
  leftScope(side: 'cso' | 'qbo', reason: string): RowIssue {
    const where = side === 'qbo' ? 'QuickBooks' : 'CStoreOffice';
    return {
      code: 'leftScope',
      title: `Changed in ${where} into something not synchronized`,
      detail: `${reason} It is kept, linked, and nothing is deleted on either side. Change it back in ${where}, or use Remove Link to stop synchronizing it.`,
      remedies: ['ignore'],
    };
  },
  /** A record names one whose counterpart was deleted (its link is gone): nothing can point to it. */
  refDeleted(other: IssueRef, role: string): RowIssue {
    const [from, to] = other.side === 'qbo' ? ['QuickBooks', 'CStoreOffice'] : ['CStoreOffice', 'QuickBooks'];
    return {
      code: 'refDeleted',
      title: `Its ${role} was deleted`,
      detail: `Its ${role}, the ${quote(other)} in ${from}, was deleted in ${to}, so ${to} has nothing for it to point to. Choose another ${role} for it in ${from}, or restore the ${what(other.typeId)} in ${to}, then synchronize again.`,
      remedies: ['ignore'],
      other,
    };
  },
  typeTurnedOff(other: IssueRef, role: string): RowIssue {
    return {
      code: 'typeTurnedOff',
      title: `Waits for its ${role.split(',')[0]}`,
      detail: `Its ${role}, the ${quote(other)}, is not synchronized: the type “${ENTITY_TYPES[other.typeId].label}” is turned off in the extension's options (Entities to synchronize). Turn it on there and this one follows on the next sync.`,
      remedies: ['ignore'],
      other,
    };
  },
  noIncomeAccount(): RowIssue {
    return {
      code: 'noIncomeAccount',
      title: 'No income account for QuickBooks',
      detail: 'This data type has no credit account, and no default income account is set. Choose a credit account in CStoreOffice, or set a default income account in the settings.',
      remedies: ['ignore'],
    };
  },
  conflict(fields: string[], csoText: string, qboText: string): RowIssue {
    return {
      code: 'conflict',
      title: 'Changed on both sides',
      detail: `The ${fieldList(fields)} changed in both CStoreOffice (${csoText}) and QuickBooks (${qboText}) since the last sync. Choose Keep CStoreOffice or Keep QuickBooks.`,
      remedies: ['keepCso', 'keepQbo', 'ignore'],
    };
  },
  /** Two vendor kinds sharing one QBO vendor would write different values to the same fields. */
  sharedConflict(fields: string[], mine: RecordValues, other: IssueRef, theirs: RecordValues): RowIssue {
    const show = (values: RecordValues) => fields.map((f) => `“${String(values[f] ?? '')}”`).join(', ');
    return {
      code: 'sharedConflict',
      title: 'Two vendors disagree about their shared QuickBooks vendor',
      detail: `This vendor and the ${quote(other)} share one vendor in QuickBooks, and they would write different values to it: ${fieldList(fields)} ${show(mine)} here, ${show(theirs)} there. Nothing was sent to QuickBooks for either. Make them the same in CStoreOffice, then synchronize again.`,
      remedies: ['ignore'],
      other,
    };
  },
  writeFailed(title: string, detail: string): RowIssue {
    return { code: 'writeFailed', title, detail, remedies: ['ignore'] };
  },
};
