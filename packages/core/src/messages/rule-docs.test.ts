import { describe, expect, it } from 'vitest';
import { localizedRuleDocs, ruleSummary } from './rule-docs.js';

const README = `# my-rule

**Severity:** error · **Applies to:** SelfMonitoringPlan · **Source:** somewhere (R01)

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

## Decisions

Read strictly.

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

## Tulkinnat

Luettu tiukasti.
`;

describe('rule documentation by language', () => {
  it('keeps the title and intro, then the language sections in reading order, then the examples headed in that language', () => {
    expect(localizedRuleDocs(README, 'fi')).toBe(
      [
        '# my-rule',
        'Intro line.',
        '## Mitä sääntö tarkistaa\n\nSuomenkielinen tiivistelmä.',
        '## Miksi\n\nSiksi.',
        '## Näin korjaat\n\nTee näin.',
        // No Finnish options table in this README: the English one stands in for it.
        '## Options\n\n| option | default |',
        '## Tulkinnat\n\nLuettu tiukasti.',
        '## Esimerkit\n\n```yaml invalid\na: 1\n```',
      ].join('\n\n') + '\n',
    );
    const en = localizedRuleDocs(README, 'en');
    expect(en).toContain('English summary.\n\nMore English.\n\n## Why');
    expect(en).toContain('## Decisions\n\nRead strictly.\n\n## Examples\n\n```yaml invalid');
    expect(en).not.toContain('Suomenkielinen');
    expect(en).not.toContain('Tulkinnat');
  });

  it('leaves out the title for a caller that heads the text itself', () => {
    expect(localizedRuleDocs(README, 'fi', { title: false }).startsWith('Intro line.\n\n## Mitä sääntö tarkistaa\n')).toBe(true);
  });

  it("leaves out the README's line of default severity: the caller states the configured one", () => {
    for (const locale of ['en', 'fi', 'sv'] as const) expect(localizedRuleDocs(README, locale)).not.toContain('**Severity:**');
  });

  it('falls back to English where a translation is missing', () => {
    const sv = localizedRuleDocs(README, 'sv');
    expect(sv).toContain('## What it checks\n\nEnglish summary.');
    expect(sv).toContain('## Decisions\n\nRead strictly.');
    expect(sv).toContain('## Exempel\n\n```yaml invalid');
    expect(ruleSummary(README, 'sv')).toBe('English summary.');
    expect(ruleSummary(README, 'fi')).toBe('Suomenkielinen tiivistelmä.');
  });
});
