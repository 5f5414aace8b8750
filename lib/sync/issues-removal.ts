/**
 * The words of removals held back: a linked record missing from a read, gone, or out of what is
 * synchronized; a record pointing to one that is leaving; a mass removal waiting for review. Each
 * says what was kept and what the user can do, since nothing was written.
 */
import type { EntityTypeId } from '../entities';
import { quote, type IssueRef, type RowIssue, what, whats } from './issue-words';

export const removalIssues = {
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
  /** A data type would post to the default income account while this sync makes it inactive. */
  defaultAccountLeaving(account: IssueRef): RowIssue {
    return {
      code: 'defaultAccountLeaving',
      title: 'Its default income account is being removed',
      detail: `It has no credit account, so in QuickBooks it would post to the default income account, the ${quote(account)}. That account was deleted in CStoreOffice and this sync makes it inactive in QuickBooks. Give it a credit account in CStoreOffice, or choose another default income account in this company's Settings, then synchronize again. Nothing was sent to QuickBooks.`,
      remedies: ['ignore'],
      other: account,
    };
  },
  /** A removal held back by the deletion breaker until the user confirms it (the row stays Waiting for Deletion). */
  deletionHeld(count: number, linked: number, typeId: EntityTypeId): RowIssue {
    return {
      code: 'deletionHeld',
      title: 'Deletion waits for your review',
      detail: `This sync would delete or make inactive ${count} of the ${linked} linked ${whats(typeId)}, more than it does without asking. None of them was written. Synchronize lists them under Review deletions, where Delete them confirms them; or fix what removed them first.`,
      remedies: [],
    };
  },
  /** A first sync's create in CStoreOffice held for the user's review (the row stays Waiting for Creation). */
  createsHeld(count: number): RowIssue {
    return {
      code: 'createsHeld',
      title: 'Waits for your review of the first sync',
      detail: `The first sync would create ${count} records in CStoreOffice from QuickBooks, more than it creates without asking. None was created. Synchronize lists them under Review first sync, where Create them confirms them; or, in this company's Settings, set the types you do not want to come over to CStoreOffice → QuickBooks only, or Off.`,
      remedies: [],
    };
  },
};
