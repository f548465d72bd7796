/**
 * Which web pages may talk to a live chat: the channel's `allowedOrigins` (page URLs; only their
 * origin counts), or any page when the list is absent or empty. The widget authenticates with a
 * visitor token, not cookies, so an open list leaks nothing; the list keeps other sites from
 * embedding somebody else's widget.
 */
export function isOriginAllowed(
  allowedOrigins: readonly string[] | undefined,
  origin: string,
): boolean {
  if (allowedOrigins === undefined || allowedOrigins.length === 0) return true;
  return allowedOrigins.some((entry) => originOf(entry) === origin);
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
