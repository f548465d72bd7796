import { OpenLinesError } from '@openlines/contracts';
import { MAX_FILTER_DEPTH, MAX_FILTER_NODES } from '../query.limits';

interface Pending {
  node: unknown;
  depth: number;
  path: string;
}

function refuse(path: string, message: string): OpenLinesError {
  return OpenLinesError.validation(`invalid search filter: ${path}: ${message}`, [
    { field: path, message },
  ]);
}

/**
 * Measures the depth and node count of a filter tree with an explicit stack, before anything
 * recurses into it: a 10,000-deep or million-node tree is refused cleanly instead of overflowing
 * the stack or burning CPU. Shape errors are left to the compiler, which runs only on bounded trees.
 */
export function assertFilterBounds(filter: unknown): void {
  const stack: Pending[] = [{ node: filter, depth: 1, path: 'filter' }];
  let seen = 1;
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { node, depth, path } = next;
    if (depth > MAX_FILTER_DEPTH)
      throw refuse(path, `nested deeper than ${MAX_FILTER_DEPTH} levels`);
    if (typeof node !== 'object' || node === null) continue;
    const { and, or, not } = node as Record<string, unknown>;
    for (const [key, list] of [
      ['and', and],
      ['or', or],
    ] as const) {
      if (!Array.isArray(list)) continue;
      seen += list.length;
      if (seen > MAX_FILTER_NODES) throw refuse(path, `more than ${MAX_FILTER_NODES} conditions`);
      list.forEach((child, i) =>
        stack.push({ node: child, depth: depth + 1, path: `${path}.${key}.${i}` }),
      );
    }
    if (not !== undefined) {
      seen += 1;
      if (seen > MAX_FILTER_NODES) throw refuse(path, `more than ${MAX_FILTER_NODES} conditions`);
      stack.push({ node: not, depth: depth + 1, path: `${path}.not` });
    }
  }
}
