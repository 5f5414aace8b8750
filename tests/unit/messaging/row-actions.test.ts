import { describe, expect, it } from 'vitest';
import type { PanelRow } from '@/lib/messaging/protocol';
import { ROW_ACTIONS, rowOffers } from '@/lib/messaging/row-actions';

const row = (over: Partial<PanelRow>): PanelRow => ({
  key: 'cso:customer:1',
  typeId: 'customer',
  typeLabel: 'Customer',
  csoId: '1',
  qboId: '9',
  name: 'Acme',
  qboName: null,
  status: 'synchronized',
  statusText: 'Synchronized',
  issue: null,
  ignored: false,
  csoUrl: null,
  qboUrl: null,
  ...over,
});
const error = (remedies: NonNullable<PanelRow['issue']>['remedies'], over: Partial<PanelRow> = {}) =>
  row({ status: 'error', issue: { code: 'x', title: 't', detail: 'd', remedies, otherName: 'ACME' }, ...over });

describe('the row actions, one registry for the panel and the background', () => {
  it.each([
    ['a synchronized row', row({}), ['Remove Link']],
    ['a pending row', row({ status: 'waitingForUpdate' }), []],
    ['an error row', error([]), ['Ignore Issues']],
    ['an ignored error row', error([], { ignored: true }), []],
    ['a near match', error(['linkNearMatch', 'ignore']), ['Ignore Issues', 'Link to “ACME”']],
    ['a conflict', error(['keepCso', 'keepQbo']), ['Ignore Issues', 'Keep CStoreOffice', 'Keep QuickBooks']],
    [
      'remedies on a row no longer in error',
      row({ status: 'synchronized', issue: { code: 'x', title: 't', detail: 'd', remedies: ['keepCso'] } }),
      ['Remove Link'],
    ],
  ])('%s offers %j', (_label, r, labels) => {
    expect(rowOffers(r).map((o) => o.label)).toEqual(labels);
  });

  it('every action has its words when done, and only the remedies need exactly one row', () => {
    for (const [id, spec] of Object.entries(ROW_ACTIONS)) {
      expect(spec.done, id).not.toBe('');
      // The notice reads "<done>: <doneSentence>": the sentence adds what follows, never the title again.
      expect(spec.doneSentence.toLowerCase(), id).not.toContain(spec.done.toLowerCase());
    }
    expect(
      Object.entries(ROW_ACTIONS)
        .filter(([, s]) => s.single)
        .map(([id]) => id),
    ).toEqual(['linkNearMatch', 'keepCso', 'keepQbo']);
  });
});
