import { ErrorCode, OpenLinesError } from '@openlines/contracts';

/** What a LineApplicationRef field takes on the wire. */
export interface AppRefWire {
  namespace: string;
  code: string;
  id: string;
}

/**
 * A script assigns an app item (`Context.data.contact`, an object with `namespace`, `code`,
 * `id` and much more) or a plain `{ namespace, code, id }`; the wire takes the three fields.
 */
export function toAppRef(value: unknown): AppRefWire {
  if (typeof value === 'object' && value !== null) {
    const item = value as Record<string, unknown>;
    const id =
      typeof item.id === 'string'
        ? item.id
        : (item.data as Record<string, unknown> | undefined)?.__id;
    if (
      typeof item.namespace === 'string' &&
      typeof item.code === 'string' &&
      typeof id === 'string'
    ) {
      return { namespace: item.namespace, code: item.code, id };
    }
  }
  throw new OpenLinesError(
    ErrorCode.ValidationFailed,
    'an app item link needs namespace, code and id',
    {
      issues: [
        { field: '_applicationItem', message: 'expected an app item with namespace, code and id' },
      ],
    },
  );
}

export function toAppRefs(value: unknown): AppRefWire[] {
  return Array.isArray(value) ? value.map(toAppRef) : [toAppRef(value)];
}
