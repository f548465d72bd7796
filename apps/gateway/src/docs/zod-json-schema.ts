import { z } from 'zod';

/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it) node. */
export type JsonSchema = { [key: string]: unknown };

/**
 * Converts the contracts' zod schemas to JSON Schema for the OpenAPI document, so the document
 * is generated from the same schemas that validate requests and cannot drift from them. Covers
 * the zod types the contracts use; anything else becomes `{}` (any value), never a wrong shape.
 * Describes the input side: fields with defaults are optional.
 */
export function toJsonSchema(schema: z.ZodTypeAny, depth = 0): JsonSchema {
  if (depth > 32) return {};
  const next = (inner: z.ZodTypeAny): JsonSchema => toJsonSchema(inner, depth + 1);
  const described = (out: JsonSchema): JsonSchema =>
    schema.description ? { ...out, description: schema.description } : out;

  if (schema instanceof z.ZodString) return described(stringSchema(schema));
  if (schema instanceof z.ZodNumber) return described(numberSchema(schema));
  if (schema instanceof z.ZodBoolean) return described({ type: 'boolean' });
  if (schema instanceof z.ZodDate) return described({ type: 'string', format: 'date-time' });
  if (schema instanceof z.ZodNull) return { type: 'null' };
  if (schema instanceof z.ZodLiteral) return described({ const: schema.value });
  if (schema instanceof z.ZodEnum) return described({ type: 'string', enum: [...schema.options] });
  if (schema instanceof z.ZodNativeEnum) {
    return described({
      enum: [...new Set(Object.values(schema.enum as Record<string, string | number>))],
    });
  }
  if (schema instanceof z.ZodArray) {
    const out: JsonSchema = { type: 'array', items: next(schema.element) };
    if (schema._def.minLength) out.minItems = schema._def.minLength.value;
    if (schema._def.maxLength) out.maxItems = schema._def.maxLength.value;
    return described(out);
  }
  if (schema instanceof z.ZodObject) return described(objectSchema(schema, next));
  if (schema instanceof z.ZodRecord)
    return described({ type: 'object', additionalProperties: next(schema.valueSchema) });
  if (schema instanceof z.ZodUnion || schema instanceof z.ZodDiscriminatedUnion) {
    const options = schema.options as z.ZodTypeAny[];
    return described({ anyOf: options.map(next) });
  }
  if (schema instanceof z.ZodIntersection) {
    return described({ allOf: [next(schema._def.left), next(schema._def.right)] });
  }
  if (schema instanceof z.ZodTuple) {
    const items = schema.items as z.ZodTypeAny[];
    return described({ type: 'array', prefixItems: items.map(next), minItems: items.length });
  }
  if (schema instanceof z.ZodNullable)
    return described({ anyOf: [next(schema.unwrap()), { type: 'null' }] });
  if (schema instanceof z.ZodOptional) return described(next(schema.unwrap()));
  if (schema instanceof z.ZodDefault) {
    return described({ ...next(schema._def.innerType), default: schema._def.defaultValue() });
  }
  if (schema instanceof z.ZodEffects) return described(next(schema.innerType()));
  if (schema instanceof z.ZodBranded) return described(next(schema.unwrap()));
  if (schema instanceof z.ZodReadonly) return described(next(schema._def.innerType));
  if (schema instanceof z.ZodCatch) return described(next(schema._def.innerType));
  if (schema instanceof z.ZodPipeline) return described(next(schema._def.in));
  if (schema instanceof z.ZodLazy) return described(next(schema.schema));
  return described({});
}

/** Whether an object property may be left out of a request. */
export function isOptionalInput(schema: z.ZodTypeAny): boolean {
  return schema.isOptional() || schema instanceof z.ZodDefault;
}

function objectSchema(
  schema: z.ZodObject<z.ZodRawShape>,
  next: (inner: z.ZodTypeAny) => JsonSchema,
): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [key, value] of Object.entries(schema.shape)) {
    properties[key] = next(value);
    if (!isOptionalInput(value)) required.push(key);
  }
  const out: JsonSchema = { type: 'object', properties };
  if (required.length > 0) out.required = required;
  if (schema._def.unknownKeys === 'strict') out.additionalProperties = false;
  else if (!(schema._def.catchall instanceof z.ZodNever))
    out.additionalProperties = next(schema._def.catchall);
  return out;
}

function stringSchema(schema: z.ZodString): JsonSchema {
  const out: JsonSchema = { type: 'string' };
  for (const check of schema._def.checks) {
    if (check.kind === 'min') out.minLength = check.value;
    else if (check.kind === 'max') out.maxLength = check.value;
    else if (check.kind === 'length') out.minLength = out.maxLength = check.value;
    else if (check.kind === 'email' || check.kind === 'uuid' || check.kind === 'url') {
      out.format = check.kind === 'url' ? 'uri' : check.kind;
    } else if (check.kind === 'datetime') out.format = 'date-time';
    else if (check.kind === 'regex') out.pattern = check.regex.source;
  }
  return out;
}

function numberSchema(schema: z.ZodNumber): JsonSchema {
  const out: JsonSchema = { type: 'number' };
  for (const check of schema._def.checks) {
    if (check.kind === 'int') out.type = 'integer';
    else if (check.kind === 'min')
      out[check.inclusive ? 'minimum' : 'exclusiveMinimum'] = check.value;
    else if (check.kind === 'max')
      out[check.inclusive ? 'maximum' : 'exclusiveMaximum'] = check.value;
  }
  return out;
}
