/**
 * QuickBooks' refusals of a posting in a bookkeeper's words. The codes are those of Intuit's error
 * list as the QuickBooks sandbox emulates them (sandbox/qbo/README.md, "Transactions"); QuickBooks'
 * own detail is kept at the end, so nothing it said is lost.
 */
import type { PostingFailure } from './ports';

const WORDS: Record<string, { title: string; say: string }> = {
  '6210': {
    title: 'Books closed in QuickBooks',
    say: 'QuickBooks refused it because its books are closed for that date.',
  },
  '6200': {
    title: 'Books closed in QuickBooks',
    say: 'QuickBooks refused it because its books are closed for that date.',
  },
  '2300': { title: 'Not balanced for QuickBooks', say: "QuickBooks found the entry's debits and credits unequal." },
  '6140': {
    title: 'Number already used in QuickBooks',
    say: 'QuickBooks already has a document with that number for this vendor.',
  },
  '610': {
    title: 'Record not found in QuickBooks',
    say: 'An account, customer, vendor, class or location it names is missing or inactive in QuickBooks.',
  },
  '2500': {
    title: 'Record not found in QuickBooks',
    say: 'An account, customer, vendor, class or location it names is missing or inactive in QuickBooks.',
  },
  '5010': {
    title: 'Changed in QuickBooks meanwhile',
    say: 'Someone changed it in QuickBooks during the run; the next Synchronize reads it again.',
  },
};

export function describePostingFailure(failure: PostingFailure, what: string): { title: string; detail: string } {
  const words = WORDS[failure.code];
  const theirs = [failure.message, failure.detail].filter(Boolean).join(': ');
  if (failure.retryable)
    return {
      title: 'QuickBooks did not answer',
      detail: `${what} was not posted this time (${theirs}); the next Synchronize tries again.`,
    };
  return {
    title: words?.title ?? 'Refused by QuickBooks',
    detail: `${words?.say ?? `QuickBooks refused ${what}.`} QuickBooks said: “${theirs}” (error ${failure.code}).`,
  };
}
