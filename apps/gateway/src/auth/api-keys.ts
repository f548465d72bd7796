import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The accepted API keys, held as SHA-256 digests: comparing fixed-length digests with
 * timingSafeEqual makes the check constant-time whatever the length of the presented key, and
 * every configured key is compared (no early exit) so timing reveals neither which key nor how
 * many matched.
 */
export class ApiKeys {
  private readonly digests: Buffer[];

  constructor(keys: readonly string[]) {
    this.digests = keys.map(digest);
  }

  get size(): number {
    return this.digests.length;
  }

  accepts(presented: string | undefined): boolean {
    if (presented === undefined || presented.length === 0) return false;
    const candidate = digest(presented);
    let matched = false;
    for (const known of this.digests) {
      if (timingSafeEqual(known, candidate)) matched = true;
    }
    return matched;
  }
}

function digest(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** `Authorization: Bearer <key>` or `X-Api-Key: <key>`; anything else presents no key. */
export function presentedKey(
  headers: Record<string, string | string[] | undefined>,
): string | undefined {
  const authorization = single(headers['authorization']);
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match) return match[1];
  }
  return single(headers['x-api-key'])?.trim() || undefined;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** API_KEYS is a comma-separated list; blanks are dropped so a trailing comma opens nothing. */
export function parseApiKeys(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key.length > 0);
}
