import { isOriginAllowed } from './livechat-origin.rules';

describe('isOriginAllowed', () => {
  it('lets any page in when the channel lists none', () => {
    expect(isOriginAllowed(undefined, 'https://a.example')).toBe(true);
    expect(isOriginAllowed([], 'https://a.example')).toBe(true);
  });

  it('compares origins only (scheme, host, port), not paths', () => {
    const allowed = ['https://shop.example/contact', 'http://localhost:8080/'];
    expect(isOriginAllowed(allowed, 'https://shop.example')).toBe(true);
    expect(isOriginAllowed(allowed, 'http://localhost:8080')).toBe(true);
    expect(isOriginAllowed(allowed, 'http://shop.example')).toBe(false);
    expect(isOriginAllowed(allowed, 'https://shop.example:8443')).toBe(false);
    expect(isOriginAllowed(allowed, 'https://evil.example')).toBe(false);
  });
});
