import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { z } from 'zod';
import { toJsonSchema } from './zod-json-schema';

enum Colour {
  Red = 'red',
  Blue = 'blue',
}

const Sample = z
  .object({
    id: z.string().min(1).max(64),
    count: z.number().int().min(0).max(10).default(3),
    colour: z.nativeEnum(Colour),
    kind: z.enum(['a', 'b']),
    when: z.string().datetime().optional(),
    tags: z.array(z.string()).max(2),
    note: z.string().nullable().optional(),
    extra: z.record(z.string()),
    either: z.union([z.literal('x'), z.number()]).optional(),
    trimmed: z
      .string()
      .transform((s) => s.trim())
      .optional(),
  })
  .strict();

describe('toJsonSchema', () => {
  const ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  const check = ajv.compile(toJsonSchema(Sample));

  const good = { id: 'a', colour: 'red', kind: 'b', tags: ['t'], extra: { k: 'v' }, either: 'x' };

  it('describes required fields, defaults and strictness like the zod schema', () => {
    const schema = toJsonSchema(Sample);
    expect(schema.required).toEqual(['id', 'colour', 'kind', 'tags', 'extra']);
    expect(schema.additionalProperties).toBe(false);
    expect((schema.properties as Record<string, unknown>).count).toEqual({
      type: 'integer',
      minimum: 0,
      maximum: 10,
      default: 3,
    });
  });

  it('accepts exactly what zod accepts on a set of samples', () => {
    const samples: unknown[] = [
      good,
      { ...good, count: 11 },
      { ...good, count: 1.5 },
      { ...good, colour: 'green' },
      { ...good, kind: 'c' },
      { ...good, tags: ['a', 'b', 'c'] },
      { ...good, note: null },
      { ...good, when: 'yesterday' },
      { ...good, when: '2026-01-01T00:00:00Z' },
      { ...good, extra: { k: 1 } },
      { ...good, either: 2 },
      { ...good, either: 'y' },
      { ...good, surplus: true },
      { ...good, id: '' },
      { colour: 'red' },
    ];
    for (const sample of samples) {
      expect({ sample, valid: check(sample) }).toEqual({
        sample,
        valid: Sample.safeParse(sample).success,
      });
    }
  });
});
