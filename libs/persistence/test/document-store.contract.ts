import { aggregateCases } from './contract/aggregate.cases';
import { concurrencyCases } from './contract/concurrency.cases';
import { MakeStore } from './contract/contract.fixtures';
import { crudCases } from './contract/crud.cases';
import { updateCases } from './contract/update.cases';

export type { MakeStore } from './contract/contract.fixtures';

/**
 * The one behaviour every DocumentStore adapter must show. Each test makes its own collection.
 * With `skipReason`, the suite is registered as skipped and its title says why, so a run without
 * the adapter's server reports the skip instead of hiding it.
 */
export function describeDocumentStoreContract(
  name: string,
  makeStore: MakeStore,
  options: { skipReason?: string } = {},
): void {
  const title = `${name} honours the DocumentStore contract`;
  const body = (): void => {
    describe('inserts, reads and deletes', () => crudCases(makeStore));
    describe('updates', () => updateCases(makeStore));
    describe('aggregation', () => aggregateCases(makeStore));
    describe('concurrency', () => concurrencyCases(makeStore));
  };
  if (options.skipReason === undefined) describe(title, body);
  else describe.skip(`${title} (skipped: ${options.skipReason})`, body);
}
