import { CountRequest, SearchRequest } from '@openlines/contracts';
import { search, Search, SearchExecutor } from '@openlines/query';

/**
 * The one `search()` of every collection: libs/query's builder over an executor that sends the
 * wire request through this client's transport and wraps each data object into its item.
 */
export function searchOver<T, D>(
  find: (request: SearchRequest) => Promise<{ items: D[] }>,
  count: (request: CountRequest) => Promise<{ count: number }>,
  wrap: (data: D) => T,
): Search<T, D> {
  const executor: SearchExecutor<T> = {
    search: async (request) => (await find(request)).items.map(wrap),
    count: async (request) => (await count(request)).count,
  };
  return search<T, D>(executor);
}
