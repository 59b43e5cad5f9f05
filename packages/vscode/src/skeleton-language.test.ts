import { describe, expect, it } from 'vitest';
import { skeletonLanguage } from './skeleton-language.js';

describe('skeletonLanguage', () => {
  it('uses the resolved locale by default', () => {
    expect(skeletonLanguage(undefined, 'fi')).toBe('fi');
    expect(skeletonLanguage({ scheme: 'file', path: '/ws' }, 'sv')).toBe('sv');
  });

  it('lets an explicit language win', () => {
    expect(skeletonLanguage('sv', 'fi')).toBe('sv');
    expect(skeletonLanguage({ language: 'en' }, 'fi')).toBe('en');
  });

  it('ignores unknown languages', () => {
    expect(skeletonLanguage('de', 'fi')).toBe('fi');
    expect(skeletonLanguage({ language: 'FI' }, 'en')).toBe('en');
  });
});
