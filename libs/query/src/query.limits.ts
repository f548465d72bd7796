/**
 * Bounds of one search filter. They exist so that a hostile or buggy caller cannot make a
 * service spend unbounded CPU or stack: the filter tree is measured (iteratively) against
 * MAX_FILTER_DEPTH and MAX_FILTER_NODES before anything recurses into it.
 * The page-size cap (MAX_PAGE_SIZE) and MAX_FILTER_DEPTH live in @openlines/contracts with the
 * wire schema, which refuses a too-deep tree already at the edge.
 */
export { MAX_FILTER_DEPTH } from '@openlines/contracts';
export const MAX_FILTER_NODES = 1_000;
/** Values of one `in` / `nin` / `all` list. */
export const MAX_LIST_VALUES = 1_000;
/** Length of a `like` text; the text becomes an escaped regex, so its length bounds the match cost. */
export const MAX_LIKE_LENGTH = 200;
/** Length of any other string value. */
export const MAX_STRING_LENGTH = 10_000;
