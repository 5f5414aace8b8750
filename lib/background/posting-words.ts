/** What a posting run and a posting preview did or would do, in the words the notices and History show. */
import type { PostingPlan } from '@/lib/posting/plan';
import type { PostingReport } from '@/lib/posting/engine';

const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export function describePostingRun(report: Pick<PostingReport, 'applied' | 'failed'>, errorsAfter: number): string {
  const { created, updated, deleted } = report.applied;
  const wrote = created + updated + deleted;
  const did = wrote
    ? `Transactions in QuickBooks: ${created} created, ${updated} updated, ${deleted} deleted.`
    : 'No transaction needed to change in QuickBooks.';
  const refused = report.failed ? ` QuickBooks refused ${n(report.failed, 'transaction')}.` : '';
  const left = errorsAfter ? ` ${n(errorsAfter, 'row')} with a Synchronization Error to look at.` : '';
  return `${did}${refused}${left}`;
}

export function describePostingPreview(plan: PostingPlan, errors: number): string {
  const count = (kind: string) => plan.ops.filter((op) => op.kind === kind).length;
  const [create, update, remove] = [count('create'), count('update'), count('delete')];
  const would =
    create + update + remove
      ? `Synchronize would create ${create}, update ${update} and delete ${remove} transactions in QuickBooks.`
      : 'Synchronize has no transaction to write.';
  return errors ? `${would} ${n(errors, 'row')} with a Synchronization Error.` : would;
}
