import { describe, expect, it } from 'vitest';
import { resolveLocale } from './resolve-locale.js';

describe('resolveLocale', () => {
  it('keeps an explicit locale whatever the display language', () => {
    expect(resolveLocale('sv', 'fi')).toBe('sv');
    expect(resolveLocale('fi', 'en-US')).toBe('fi');
    expect(resolveLocale('en', 'sv-SE')).toBe('en');
  });

  it.each([
    ['fi', 'fi'],
    ['fi-FI', 'fi'],
    ['sv', 'sv'],
    ['sv-FI', 'sv'],
    ['SV_se', 'sv'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['de', 'en'],
    ['zh-cn', 'en'],
    ['', 'en'],
  ] as const)('auto follows display language %j -> %s', (display, expected) => {
    expect(resolveLocale('auto', display)).toBe(expected);
  });

  it('treats a missing or unknown setting as auto', () => {
    expect(resolveLocale(undefined, 'fi')).toBe('fi');
    expect(resolveLocale('de', 'sv')).toBe('sv');
    expect(resolveLocale(42, undefined)).toBe('en');
  });
});
