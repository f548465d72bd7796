import { z } from 'zod';

/**
 * The top-level keys of a request schema (objects, refined objects, discriminated unions of
 * objects): the gateway reads them to know which field a path id fills and what a body holds.
 */
export function requestKeys(schema: z.ZodTypeAny): string[] {
  if (schema instanceof z.ZodEffects) return requestKeys(schema.innerType());
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodDiscriminatedUnion) {
    const options = schema.options as z.ZodTypeAny[];
    return [...new Set(options.flatMap(requestKeys))];
  }
  return [];
}

/** Drops one key from an object schema's JSON-Schema view (the path carries it instead). */
export function withoutKey(
  jsonSchema: Record<string, unknown>,
  key: string,
): Record<string, unknown> {
  const properties = { ...(jsonSchema.properties as Record<string, unknown> | undefined) };
  delete properties[key];
  const required = (jsonSchema.required as string[] | undefined)?.filter((name) => name !== key);
  const out: Record<string, unknown> = { ...jsonSchema, properties };
  if (required && required.length > 0) out.required = required;
  else delete out.required;
  return out;
}
