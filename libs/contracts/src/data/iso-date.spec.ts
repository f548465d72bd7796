import { IsoDateSchema } from './common.schema';

describe('IsoDateSchema', () => {
  it('normalises offsets to UTC so dates compare as strings', () => {
    expect(IsoDateSchema.parse('2026-11-25T15:00:00+03:00')).toBe('2026-11-25T12:00:00.000Z');
    expect(IsoDateSchema.parse('2026-11-25T12:00:00Z')).toBe('2026-11-25T12:00:00.000Z');
  });

  it('refuses what is not an ISO instant', () => {
    expect(IsoDateSchema.safeParse('25.11.2026').success).toBe(false);
    expect(IsoDateSchema.safeParse(1764072000000).success).toBe(false);
  });
});
