/**
 * `like` is a case-insensitive substring match. The caller's text is escaped so that it is
 * matched literally: no caller-supplied pattern (and so no catastrophic backtracking such as
 * `(a+)+$`) ever reaches the store's regex engine. JavaScript (MemoryStore) and PCRE (MongoDB)
 * read these escapes the same way.
 */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function likePattern(text: string): { $regex: string; $options: 'i' } {
  return { $regex: escapeRegex(text), $options: 'i' };
}

/**
 * A quantified group such as `(a+)+` or `(x|y)*` is the shape of a regex bomb. The text would be
 * matched literally and harmlessly anyway, but a caller sending it almost certainly expects a
 * regular expression, which `like` is not: refusing says so instead of silently finding nothing.
 */
const QUANTIFIED_GROUP = /\([^)]*\)\s*[+*?{]/;

export function looksLikeRegexPattern(text: string): boolean {
  return QUANTIFIED_GROUP.test(text);
}
