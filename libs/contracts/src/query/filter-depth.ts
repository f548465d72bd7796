/**
 * Nesting of a search filter tree (and / or / not levels; a leaf is level 1). Beyond it a filter
 * is refused wherever it is met: the SDK's `where`, the wire schema, libs/query's compiler.
 * It exists because the tree reaches recursive code (JSON.stringify overflows the stack near
 * 5,000 levels); 32 is far more than any hand-written or generated filter needs.
 */
export const MAX_FILTER_DEPTH = 32;

/**
 * Whether `filter` nests deeper than `limit`, measured with an explicit stack (never recursion),
 * so that a 100,000-deep tree is a loop, not a stack overflow. Only the tree's own levels count;
 * the shape of each node is left to libs/query's compiler.
 */
export function isFilterDeeperThan(filter: unknown, limit = MAX_FILTER_DEPTH): boolean {
  const stack: [node: unknown, depth: number][] = [[filter, 1]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [node, depth] = next;
    if (depth > limit) return true;
    if (typeof node !== 'object' || node === null) continue;
    const { and, or, not } = node as Record<string, unknown>;
    for (const list of [and, or]) {
      if (Array.isArray(list)) for (const child of list) stack.push([child, depth + 1]);
    }
    if (not !== undefined) stack.push([not, depth + 1]);
  }
  return false;
}

export const FILTER_TOO_DEEP = `nested deeper than ${MAX_FILTER_DEPTH} levels`;
