/**
 * The problems planning finds before any request, each worded for a bookkeeper: what is wrong,
 * which record on the other side is involved, and what to do. Error codes from the services are
 * translated in `error-words.ts`.
 */
import { type EntityTypeId, ENTITY_TYPES } from '../entities';
import { fieldList, quote, whats, where, type IssueRef, type RowIssue } from './issue-words';
import { keptOutIssues } from './issues-kept-out';
import { removalIssues } from './issues-removal';
import type { RecordValues } from './types';

export { fieldList, what, type IssueRef, type RowIssue } from './issue-words';

/** Matching, naming and change words; the removal words live in issues-removal.ts. */
const namingIssues = {
  nearMatch(other: IssueRef): RowIssue {
    return {
      code: 'nearMatch',
      title: 'Almost the same name on the other side',
      detail: `${where(other)} has the ${quote(other)}, which differs only in capital letters or spaces. QuickBooks treats such names as the same, so a second one cannot be created. Link this row to “${other.name}”, or rename one of them.`,
      remedies: ['linkNearMatch', 'ignore'],
      other,
    };
  },
  /** Two accounts that share an account number, or QuickBooks' A/P or A/R and CStoreOffice's (match-accounts.ts). */
  accountTwin(other: IssueRef, why: 'number' | 'role', number: string | null): RowIssue {
    const evidence =
      why === 'number'
        ? `has the same account number, ${number ?? ''},`
        : 'is the ledger QuickBooks keeps for that role';
    return {
      code: 'accountTwin',
      title:
        why === 'number' ? 'Same account number under another name' : 'Probably the same ledger under another name',
      detail: `${where(other)}'s ${quote(other)} ${evidence} so creating this one there would fail or make a second ledger. Link this row to “${other.name}” (CStoreOffice's name then goes to QuickBooks), or rename or renumber one of them.`,
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
    return {
      code: 'invalidName',
      title: 'QuickBooks would refuse the name',
      detail: `${reason} Nothing was sent to QuickBooks.`,
      remedies: ['ignore'],
    };
  },
  tooDeep(typeId: EntityTypeId, max: number): RowIssue {
    return {
      code: 'tooDeep',
      title: 'Too many levels for QuickBooks',
      detail: `QuickBooks allows at most ${max} levels of ${whats(typeId)}. Move it higher up in CStoreOffice.`,
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
      detail:
        'This data type has no credit account, and no default income account is set. Choose a credit account in CStoreOffice, or set a default income account in the settings.',
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

export const issues = { ...namingIssues, ...removalIssues, ...keptOutIssues };
