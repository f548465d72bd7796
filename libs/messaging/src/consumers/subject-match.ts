/** NATS subject matching: `*` matches one token, a final `>` matches one or more tokens. */
export function subjectMatches(subject: string, pattern: string): boolean {
  const tokens = subject.split('.');
  const parts = pattern.split('.');
  for (let i = 0; i < parts.length; i += 1) {
    if (parts[i] === '>') return i === parts.length - 1 && tokens.length > i;
    if (i >= tokens.length) return false;
    if (parts[i] !== '*' && parts[i] !== tokens[i]) return false;
  }
  return tokens.length === parts.length;
}

export function matchesAny(subject: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => subjectMatches(subject, pattern));
}
