import { describe, expect, it } from 'vitest';
import { whoAsked } from '@/lib/background/company-access';
import { startedBy } from '@/lib/db';

const page = {
  id: 'ext',
  url: 'https://03.cstoreoffice.com/app.php/accounting/audit?company=1',
  origin: 'https://03.cstoreoffice.com',
};
const popup = { id: 'ext', url: 'chrome-extension://ext/popup.html', origin: 'chrome-extension://ext' };

describe('who started a run, as History says it', () => {
  it('names the CStoreOffice user the Audit page shows', () => {
    expect(whoAsked('Demo Auditor (auditor@demo.test)', page)).toBe('Demo Auditor (auditor@demo.test)');
  });

  it('says so honestly when the Audit page shows no user', () => {
    expect(whoAsked(undefined, page)).toBe('A CStoreOffice user (name not shown on the Audit page)');
  });

  it('says "You (toolbar)" for the popup, and does not take a name it sends', () => {
    expect(whoAsked(undefined, popup)).toBe('You (toolbar)');
    expect(whoAsked('Someone Else', popup)).toBe('You (toolbar)');
  });

  it('words runs no one pressed by what started them', () => {
    expect(startedBy({ who: null, trigger: 'alarm' })).toBe('Automatic sync');
    expect(startedBy({ who: null, trigger: 'resume' })).toBe('Resumed automatically after an interruption');
    expect(startedBy({ who: 'You (toolbar)', trigger: 'resume' })).toBe('You (toolbar)');
  });
});
