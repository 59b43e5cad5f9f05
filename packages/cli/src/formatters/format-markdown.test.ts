import { describe, expect, it } from 'vitest';
import type { RuleOutcome } from '@laatuvahti/core/internal';
import { formatMarkdown } from './format-markdown.js';
import { makeInput, results } from '../testing/report-fixture.js';
import { summarize, type FileResult } from '../run-result.js';

const outcome = (ruleId: string, outcome: RuleOutcome['outcome'], extra: Partial<RuleOutcome> = {}): RuleOutcome => ({ ruleId, outcome, severity: 'error', findings: 0, suppressed: 0, baselined: 0, ...extra });

const SHA = 'ab'.repeat(32);
const withEvidence: FileResult[] = [
  {
    ...results[0]!,
    sha256: SHA,
    outcomes: [
      outcome('plan-published', 'passed'),
      outcome('social-activity-regular', 'failed', { findings: 1, suppressed: 1 }),
      outcome('staffing-described', 'off', { severity: 'off' }),
      outcome('monitoring-report-cadence', 'not-in-force', { appliesFrom: '2027-01-01' }),
      outcome('schema-unknown-key', 'failed', { severity: 'warning', findings: 1 }),
    ],
  },
  { ...results[1]!, sha256: SHA, outcomes: [outcome('service-description-published', 'suppressed', { suppressed: 2 })] },
  results[2]!,
  { file: '/w/broken.yaml', path: 'broken.yaml', status: 'checked', diagnostics: [{ ...results[0]!.diagnostics[0]!, ruleId: 'yaml-syntax', severity: 'error', message: 'YAML syntax error: Unexpected | here' }], suppressed: [], sha256: SHA, outcomes: [] },
];

describe('formatMarkdown', () => {
  it('writes an overview, then per plan its digest, findings, suppressions and every rule outcome', () => {
    const text = formatMarkdown(makeInput({ results: withEvidence, summary: summarize(withEvidence) }));
    expect(text.split('\n')).toEqual([
      '# Laatuvahti compliance report',
      '',
      '3 plans checked against the rules in force on 2026-11-23 (laatuvahti 0.1.0).',
      '',
      '| Plan | Kind | Result | Errors | Warnings | Suppressed |',
      '| --- | --- | --- | ---: | ---: | ---: |',
      '| plans/a.yaml | Self-monitoring plan | ❌ fails | 1 | 1 | 1 |',
      '| plans/b,c:d.yaml | Service description | ✅ passes | 0 | 0 | 0 |',
      '| broken.yaml | – | ❌ could not be checked | 1 | 0 | 0 |',
      '',
      '1 non-plan YAML file skipped.',
      '',
      // With several plans, each rule over all of them, the rules not met most often first.
      '## Rules across the plans',
      '',
      '| Rule | ✅ met | ❌ not met | ☑️ suppressed or in the baseline | ➖ not applicable, off or not yet in force |',
      '| --- | ---: | ---: | ---: | ---: |',
      '| [`schema-unknown-key`](https://example.test/built-in-rules.md#schema-unknown-key) Unknown key | 0 | 1 | 0 | 0 |',
      '| [`social-activity-regular`](https://example.test/rules/social-activity-regular/README.md) Social activity takes place regularly | 0 | 1 | 0 | 0 |',
      '| `monitoring-report-cadence` | 0 | 0 | 0 | 1 |',
      '| `plan-published` | 1 | 0 | 0 | 0 |',
      '| `service-description-published` | 0 | 0 | 1 | 0 |',
      '| `staffing-described` | 0 | 0 | 0 | 1 |',
      '',
      '## plans/a.yaml',
      '',
      `Self-monitoring plan · SHA-256 \`${SHA}\``,
      '',
      'Rules: 1 met, 2 not met, 1 off in the config, 1 not yet in force.',
      '',
      '### Findings',
      '',
      '| Line:col | Severity | Finding | Rule |',
      '| --- | --- | --- | --- |',
      '| 5:3 | warning | Unknown key "nmae". Did you mean "name"? | [`schema-unknown-key`](https://example.test/built-in-rules.md#schema-unknown-key) |',
      '| 8:14 | error | The activity "Retket" takes place too rarely (3 months); regular means at least every month. | [`social-activity-regular`](https://example.test/rules/social-activity-regular/README.md) |',
      '| 1:1 | info | Tip: 100% of \\<activities\\> \\& "groups", ok next line | `plan-note` |',
      '',
      '### Suppressed findings',
      '',
      '| Line:col | Rule | Reason |',
      '| --- | --- | --- |',
      '| 12:14 | [`social-activity-regular`](https://example.test/rules/social-activity-regular/README.md) | Summer break agreed with residents (until 2026-08-31) |',
      '',
      '### Rules',
      '',
      '| Rule | Source | Outcome |',
      '| --- | --- | --- |',
      '| `plan-published` | – | ✅ met |',
      '| [`social-activity-regular`](https://example.test/rules/social-activity-regular/README.md) Social activity takes place regularly | Valvira guidance (R39) | ❌ not met (1) |',
      '| `staffing-described` | – | ➖ off in the config |',
      '| `monitoring-report-cadence` | – | ➖ not yet in force (from 2027-01-01) |',
      '| [`schema-unknown-key`](https://example.test/built-in-rules.md#schema-unknown-key) Unknown key | Laatuvahti plan format | ⚠️ not met (1) |',
      '',
      '## plans/b,c:d.yaml',
      '',
      `Service description · SHA-256 \`${SHA}\``,
      '',
      'Rules: 1 suppressed.',
      '',
      '### Rules',
      '',
      '| Rule | Source | Outcome |',
      '| --- | --- | --- |',
      '| `service-description-published` | – | ☑️ suppressed (2) |',
      '',
      '## broken.yaml',
      '',
      `❌ could not be checked · SHA-256 \`${SHA}\``,
      '',
      '### Findings',
      '',
      '| Line:col | Severity | Finding | Rule |',
      '| --- | --- | --- | --- |',
      '| 5:3 | error | YAML syntax error: Unexpected \\| here | `yaml-syntax` |',
      '',
      'No rule could be evaluated: the findings above must be fixed first.',
      '',
    ]);
  });

  it('speaks the run\'s locale', () => {
    const text = formatMarkdown(makeInput({ results: withEvidence, summary: summarize(withEvidence), locale: 'fi' }));
    expect(text).toContain('# Laatuvahti – tarkistusraportti');
    expect(text).toContain('3 suunnitelmaa tarkistettu 2026-11-23 voimassa olevien sääntöjen mukaan (laatuvahti 0.1.0).');
    expect(text).toContain('| plans/a.yaml | Omavalvontasuunnitelma | ❌ puutteita | 1 | 1 | 1 |');
    expect(text).toContain('Säännöt: 1 täyttyy, 2 ei täyty, 1 pois käytöstä asetuksissa, 1 ei vielä voimassa.');
    expect(text).toContain('| `monitoring-report-cadence` | – | ➖ ei vielä voimassa (2027-01-01 alkaen) |');
    const sv = formatMarkdown(makeInput({ results: withEvidence, summary: summarize(withEvidence), locale: 'sv' }));
    expect(sv).toContain('| plans/b,c:d.yaml | Tjänstebeskrivning | ✅ inga brister | 0 | 0 | 0 |');
    expect(sv).toContain('| `service-description-published` | – | ☑️ undantagen (2) |');
  });

  it('names the baseline, counts and lists the findings it records, and names the files it could not read', () => {
    const unreadable: FileResult = { file: '/w/locked.yaml', path: 'locked.yaml', status: 'unreadable', error: 'permission denied (EACCES)', diagnostics: [], suppressed: [] };
    const baselined: FileResult = { ...results[0]!, diagnostics: [], suppressed: [], baselined: [results[0]!.diagnostics[1]!], outcomes: [outcome('social-activity-regular', 'baselined', { baselined: 1 })] };
    const list = [baselined, unreadable];
    const text = formatMarkdown(makeInput({ results: list, summary: summarize(list), baseline: 'laatuvahti-baseline.json' }));
    expect(text).toContain('\nFindings recorded in the baseline laatuvahti-baseline.json do not fail the check.\n');
    expect(text).toContain(
      [
        '| Plan | Kind | Result | Errors | Warnings | Suppressed | In the baseline |',
        '| --- | --- | --- | ---: | ---: | ---: | ---: |',
        '| plans/a.yaml | Self-monitoring plan | ✅ passes | 0 | 0 | 0 | 1 |',
      ].join('\n'),
    );
    expect(text).toContain('\nCould not be read: locked.yaml — permission denied (EACCES).\n');
    expect(text).toContain(
      [
        '### Findings in the baseline',
        '',
        '| Line:col | Severity | Finding | Rule |',
        '| --- | --- | --- | --- |',
        '| 8:14 | error | The activity "Retket" takes place too rarely (3 months); regular means at least every month. | [`social-activity-regular`](https://example.test/rules/social-activity-regular/README.md) |',
        '',
        '### Rules',
        '',
        '| Rule | Source | Outcome |',
        '| --- | --- | --- |',
        '| [`social-activity-regular`](https://example.test/rules/social-activity-regular/README.md) Social activity takes place regularly | Valvira guidance (R39) | ☑️ in the baseline (1) |',
      ].join('\n'),
    );
  });
});
