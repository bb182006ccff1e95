import { describe, expect, it } from 'vitest';
import { sitePattern } from '../../extension/shared/sites.ts';

describe('sitePattern (options page → optional host permission)', () => {
  it('turns an address or host into an origin match pattern', () => {
    expect(sitePattern('https://logoform.jp/f/abc?x=1')).toBe('https://logoform.jp/*');
    expect(sitePattern('  shinsei.city.kobe.lg.jp ')).toBe('https://shinsei.city.kobe.lg.jp/*');
    expect(sitePattern('http://127.0.0.1:8080/form')).toBe('http://127.0.0.1/*');
    expect(sitePattern('https://example.jp/*')).toBe('https://example.jp/*');
  });

  it('refuses what is not a web origin', () => {
    expect(sitePattern('')).toBeUndefined();
    expect(sitePattern('ftp://example.jp')).toBeUndefined();
    expect(sitePattern('file:///tmp/a.html')).toBeUndefined();
    expect(sitePattern('http://')).toBeUndefined();
  });
});
