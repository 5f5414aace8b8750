/**
 * The words of rows the company's setup keeps out on purpose: QuickBooks' own records, and changes
 * a one-way type does not carry. They are not problems to fix, so they offer no remedy; each says
 * what would bring the record in if the user wants it.
 */
import { type EntityTypeId } from '../entities';
import { DIRECTION_LABELS, type Direction } from './directions';
import { fieldList, whats, type RowIssue } from './issue-words';

export const keptOutIssues = {
  systemRecord(reason: string): RowIssue {
    return {
      code: 'systemRecord',
      title: "QuickBooks' own record",
      detail: `${reason} It is not copied to CStoreOffice. To keep it in step anyway, create a record of the same name in CStoreOffice: the next sync links them.`,
      remedies: [],
    };
  },
  /** QuickBooks' settings refuse this type (tracking off) or one of its fields (account numbers off). */
  qboRefuses(why: string): RowIssue {
    return { code: 'qboSetting', title: 'Not sent: a setting in QuickBooks', detail: why, remedies: [] };
  },
  /** A record without counterpart that a one-way type does not create on the other side. */
  oneWayCreate(typeId: EntityTypeId, direction: Direction): RowIssue {
    return {
      code: 'oneWay',
      title: 'Not copied: one way only',
      detail: `${capital(whats(typeId))} go ${DIRECTION_LABELS[direction]} for this company, so this record is not copied. Change the direction in this company's settings to copy it.`,
      remedies: [],
    };
  },
  /** Changes a one-way type does not carry back to the side it only writes to. */
  oneWayChange(typeId: EntityTypeId, direction: Direction, fields: string[]): RowIssue {
    const [from, its] = direction === 'toQbo' ? ['QuickBooks', "QuickBooks'"] : ['CStoreOffice', "CStoreOffice's"];
    return {
      code: 'oneWay',
      title: `${its} change not copied: one way only`,
      detail: `The ${fieldList(fields)} differs in ${from}. ${capital(whats(typeId))} go ${DIRECTION_LABELS[direction]} for this company, so ${its} value is not copied. Make them the same in ${from}, or change the direction in this company's settings.`,
      remedies: [],
    };
  },
};

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
