import { ErrorCode, OpenLinesError } from '@openlines/contracts';

interface MongoLikeError {
  name?: string;
  message?: string;
  code?: number;
  keyValue?: Record<string, unknown>;
  keyPattern?: Record<string, unknown>;
  writeErrors?: MongoLikeError[];
  err?: MongoLikeError;
}

const DUPLICATE_KEY = 11000;
const UNREACHABLE = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
]);

function asMongoError(error: unknown): MongoLikeError | undefined {
  return typeof error === 'object' && error !== null ? (error as MongoLikeError) : undefined;
}

/**
 * The duplicate-key error in a server error, a bulk write error, or one of its write errors
 * (whose raw `err` carries keyValue): the most specific one that names the key.
 */
function duplicateKey(error: MongoLikeError | undefined): MongoLikeError | undefined {
  if (error === undefined) return undefined;
  const writeErrors = error.writeErrors ?? [];
  const candidates = [error, error.err, ...writeErrors, ...writeErrors.map((write) => write.err)];
  const duplicates = candidates.filter((candidate) => candidate?.code === DUPLICATE_KEY);
  return duplicates.find((candidate) => candidate?.keyValue !== undefined) ?? duplicates[0];
}

/**
 * Maps MongoDB failures to the port's errors: duplicate key (11000) → CONFLICT, an unreachable
 * server → UNAVAILABLE. `_id` mirrors the document id, so it is reported under the id field.
 */
export function toStoreError(error: unknown, collection: string, idField: string): unknown {
  if (error instanceof OpenLinesError) return error;
  const mongoError = asMongoError(error);
  const duplicate = duplicateKey(mongoError);
  if (duplicate !== undefined) {
    const rename = (key: string): string => (key === '_id' ? idField : key);
    const keyValue = Object.fromEntries(
      Object.entries(duplicate.keyValue ?? {}).map(([key, value]) => [rename(key), value]),
    );
    const index = Object.keys(duplicate.keyPattern ?? duplicate.keyValue ?? {})
      .map(rename)
      .join('_');
    return OpenLinesError.conflict(`duplicate key in ${collection}`, {
      collection,
      index,
      keyValue,
    });
  }
  const name = mongoError?.name ?? '';
  if (UNREACHABLE.has(name) || /buffering timed out/.test(mongoError?.message ?? '')) {
    return new OpenLinesError(
      ErrorCode.Unavailable,
      `database unavailable (${name || 'timeout'})`,
      {
        collection,
      },
    );
  }
  return error;
}
