import { ApiKeys, parseApiKeys, presentedKey } from './api-keys';

describe('ApiKeys', () => {
  const keys = new ApiKeys(['alpha-key-1', 'beta-key-2']);

  it('accepts each configured key', () => {
    expect(keys.accepts('alpha-key-1')).toBe(true);
    expect(keys.accepts('beta-key-2')).toBe(true);
  });

  it.each([['wrong'], [''], ['alpha-key-1 '], ['alpha-key-'], ['alpha-key-12']])(
    'refuses %p',
    (key) => {
      expect(keys.accepts(key)).toBe(false);
    },
  );

  it('refuses a missing key and accepts nothing when none is configured', () => {
    expect(keys.accepts(undefined)).toBe(false);
    expect(new ApiKeys([]).accepts('anything')).toBe(false);
  });
});

describe('presentedKey', () => {
  it('reads a bearer token, case-insensitively on the scheme', () => {
    expect(presentedKey({ authorization: 'Bearer k1' })).toBe('k1');
    expect(presentedKey({ authorization: 'bearer   k1' })).toBe('k1');
  });

  it('reads X-Api-Key', () => {
    expect(presentedKey({ 'x-api-key': 'k2' })).toBe('k2');
  });

  it('presents nothing for other schemes or empty headers', () => {
    expect(presentedKey({ authorization: 'Basic dXNlcjpwYXNz' })).toBeUndefined();
    expect(presentedKey({ 'x-api-key': '  ' })).toBeUndefined();
    expect(presentedKey({})).toBeUndefined();
  });
});

describe('parseApiKeys', () => {
  it('splits on commas and drops blanks', () => {
    expect(parseApiKeys(' a , b,,c ,')).toEqual(['a', 'b', 'c']);
    expect(parseApiKeys(undefined)).toEqual([]);
  });
});
