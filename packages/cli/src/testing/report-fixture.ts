/**
 * Test support for the formatter unit tests: a small hand-made report (two plans, a skipped
 * file, findings of each severity, a suppression, a personal identity code in a reason).
 */
import type { Diagnostic } from '@laatuvahti/core/internal';
import { summarize, type FileResult } from '../run-result.js';
import type { RuleInfo } from '../rule-catalog.js';
import type { ReportInput } from '../formatters/report-input.js';

const source = { title: { fi: 'Valvira, yhteisöllinen asuminen', sv: 'Valvira, gemenskapsboende', en: 'Valvira guidance' }, requirements: ['R39'], basis: 'guidance' as const };

export const tooRare: Diagnostic = {
  ruleId: 'social-activity-regular',
  severity: 'error',
  messageId: 'tooRare',
  message: 'The activity "Retket" takes place too rarely (3 months); regular means at least every month.',
  range: { start: { line: 7, character: 13 }, end: { line: 7, character: 21 } },
  path: ['socialActivity', 'activities', 0, 'every'],
  source,
  docsUrl: 'https://example.test/rules/social-activity-regular/README.md',
};

export const unknownKey: Diagnostic = {
  ruleId: 'schema-unknown-key',
  severity: 'warning',
  messageId: 'unknownKeySuggest',
  message: 'Unknown key "nmae". Did you mean "name"?',
  range: { start: { line: 4, character: 2 }, end: { line: 4, character: 6 } },
  path: ['unit', 'nmae'],
  docsUrl: 'https://example.test/built-in-rules.md#schema-unknown-key',
};

export const note: Diagnostic = {
  ruleId: 'plan-note',
  severity: 'info',
  messageId: 'note',
  message: 'Tip: 100% of <activities> & "groups", ok\r\nnext line',
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  path: [],
  docsUrl: 'https://example.test/rules/plan-note/README.md',
};

export const suppressed: Diagnostic = {
  ...tooRare,
  range: { start: { line: 11, character: 13 }, end: { line: 11, character: 21 } },
  suppressed: { justification: 'Summer break agreed with residents', until: '2026-08-31', line: 10 },
};

export const results: FileResult[] = [
  { file: '/w/plans/a.yaml', path: 'plans/a.yaml', status: 'checked', kind: 'SelfMonitoringPlan', diagnostics: [unknownKey, tooRare, note], suppressed: [suppressed] },
  { file: '/w/plans/b,c:d.yaml', path: 'plans/b,c:d.yaml', status: 'checked', kind: 'ServiceDescription', diagnostics: [], suppressed: [] },
  { file: '/w/other.yaml', path: 'other.yaml', status: 'skipped', diagnostics: [], suppressed: [] },
];

export const rules: RuleInfo[] = [
  { id: 'social-activity-regular', title: 'Social activity takes place regularly', severity: 'error', defaultSeverity: 'error', basis: 'guidance', kinds: ['SelfMonitoringPlan'], source: { title: 'Valvira guidance', requirements: ['R39'] }, docsUrl: tooRare.docsUrl, readme: '# social-activity-regular\n', builtin: false },
  { id: 'schema-unknown-key', title: 'Unknown key', severity: 'warning', defaultSeverity: 'warning', kinds: ['SelfMonitoringPlan', 'ServiceDescription'], docsUrl: unknownKey.docsUrl, builtin: true },
];

/** The report input of `results`. */
export function makeInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return { results, summary: summarize(results), rules, locale: 'en', color: false, cwd: '/w', today: '2026-11-23', version: '0.1.0', ...overrides };
}
