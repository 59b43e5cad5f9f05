import { describe, expect, it } from 'vitest';
import { localizedRuleDocs, ruleSummary } from './rule-docs.js';

const README = `# my-rule

Intro line.

## What it checks

English summary.

More English.

## Why

Because.

## How to fix

Do it.

## Options

| option | default |

## Examples

\`\`\`yaml invalid
a: 1
\`\`\`

## Mitä sääntö tarkistaa

Suomenkielinen tiivistelmä.

## Miksi

Siksi.

## Näin korjaat

Tee näin.
`;

describe('rule documentation by language', () => {
  it('keeps the title, the language sections and the shared ones', () => {
    const fi = localizedRuleDocs(README, 'fi');
    expect(fi).toContain('# my-rule\n\nIntro line.');
    expect(fi).toContain('## Mitä sääntö tarkistaa\n\nSuomenkielinen tiivistelmä.');
    expect(fi).toContain('## Options');
    expect(fi).toContain('## Examples');
    expect(fi).not.toContain('English summary');
    const en = localizedRuleDocs(README, 'en');
    expect(en).toContain('English summary');
    expect(en).not.toContain('Suomenkielinen');
  });

  it('falls back to English where a translation is missing', () => {
    expect(localizedRuleDocs(README, 'sv')).toContain('English summary');
    expect(ruleSummary(README, 'sv')).toBe('English summary.');
    expect(ruleSummary(README, 'fi')).toBe('Suomenkielinen tiivistelmä.');
  });
});
