import { describe, expect, it } from 'vitest';
import type { Diagnostic, RuleOutcome } from '@laatuvahti/core/internal';
import { formatHtml, htmlText } from './format-html.js';
import { makeInput, results, rules, suppressed, tooRare } from '../testing/report-fixture.js';
import { summarize, type FileResult } from '../run-result.js';

// The page as a browser reads it is tested in test/html-report.test.ts (headless Chromium);
// these tests pin the markup: escaping, masking, links and the rows each table gets.
const outcome = (ruleId: string, kind: RuleOutcome['outcome'], extra: Partial<RuleOutcome> = {}): RuleOutcome => ({ ruleId, outcome: kind, severity: 'error', findings: 0, suppressed: 0, baselined: 0, ...extra });
const SHA = 'cd'.repeat(32);
const ID = '150385-9024';
const hostile: Diagnostic = { ...tooRare, message: 'The activity "<script>alert(1)</script>" & \'x\' takes place too rarely.', range: { start: { line: 20, character: 4 }, end: { line: 20, character: 9 } } };
const plans: FileResult[] = [
  {
    ...results[0]!,
    path: `plans/<b>${ID}</b>.yaml`,
    sha256: SHA,
    diagnostics: [results[0]!.diagnostics[0]!, hostile],
    suppressed: [{ ...suppressed, suppressed: { justification: `Agreed with the relative of ${ID}`, until: '2026-08-31', line: 10 } }],
    outcomes: [
      outcome('plan-published', 'passed'),
      outcome('social-activity-regular', 'failed', { findings: 1, suppressed: 1 }),
      outcome('staffing-described', 'off', { severity: 'off' }),
      outcome('schema-unknown-key', 'failed', { severity: 'warning', findings: 1 }),
    ],
  },
  { ...results[1]!, sha256: SHA, outcomes: [outcome('plan-published', 'not-applicable', { severity: 'warning' })] },
  results[2]!,
];
const html = (overrides: Parameters<typeof makeInput>[0] = {}) => formatHtml(makeInput({ results: plans, summary: summarize(plans), ...overrides }));
const rowsOf = (text: string, cls: string) => [...text.matchAll(new RegExp(`<tr class="${cls}"[^>]*>(.*?)</tr>`, 'g'))].map((m) => [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]));

describe('formatHtml', () => {
  it('is one page with its styles inline, a policy that lets nothing else load or run, in the run\'s language', () => {
    const text = html({ locale: 'fi' });
    expect(text.startsWith('<!doctype html>\n<html lang="fi">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(text).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(text).toContain('<title>Laatuvahti – tarkistusraportti</title>');
    expect(text).toContain('@media print');
    expect(text).not.toMatch(/<script|<link|<img|<iframe|src=|url\(|@import/i);
  });

  it('escapes every text from a plan and masks identity codes, in paths, messages and reasons', () => {
    const text = html();
    expect(text).not.toContain(ID);
    expect(text).not.toContain('<b>');
    expect(text).toContain('<h2>plans/&#60;b&#62;150385-****&#60;/b&#62;.yaml</h2>');
    expect(text).toContain('The activity &#34;&#60;script&#62;alert(1)&#60;/script&#62;&#34; &#38; &#39;x&#39; takes place too rarely.');
    expect(text).toContain('<td>Agreed with the relative of 150385-**** (until 2026-08-31)</td>');
    expect(htmlText(`"${ID}" <&>`)).toBe('&#34;150385-****&#34; &#60;&#38;&#62;');
  });

  it('lists per plan its digest, findings with line numbers, suppressions, and every rule with severity, source and outcome', () => {
    const text = html();
    expect(text).toContain(`<p class="facts">Self-monitoring plan · SHA-256 <code class="digest">${SHA}</code></p>`);
    expect(text).toContain('<p class="counts">Rules: 1 met, 2 not met, 1 off in the config.</p>');
    expect(rowsOf(text, 'finding')).toEqual([
      ['5:3', '<span class="severity warning">warning</span>', 'Unknown key &#34;nmae&#34;. Did you mean &#34;name&#34;?', '<a href="https://example.test/built-in-rules.md#schema-unknown-key"><code>schema-unknown-key</code></a>'],
      ['21:5', '<span class="severity error">error</span>', expect.stringContaining('takes place too rarely'), '<a href="https://example.test/rules/social-activity-regular/README.md"><code>social-activity-regular</code></a>'],
    ]);
    expect(rowsOf(text, 'suppressed')).toHaveLength(1);
    expect(rowsOf(text, 'rule')).toEqual([
      ['<code>plan-published</code>', 'error', '–', '<span class="outcome passed"><span class="mark" aria-hidden="true">✓</span> met</span>'],
      ['<a href="https://example.test/rules/social-activity-regular/README.md"><code>social-activity-regular</code></a> Social activity takes place regularly', 'error', 'Valvira guidance (R39)', '<span class="outcome failed"><span class="mark" aria-hidden="true">✗</span> not met (1)</span>'],
      ['<code>staffing-described</code>', '–', '–', '<span class="outcome not-in-play"><span class="mark" aria-hidden="true">–</span> off in the config</span>'],
      ['<a href="https://example.test/built-in-rules.md#schema-unknown-key"><code>schema-unknown-key</code></a> Unknown key', 'warning', 'Laatuvahti plan format', '<span class="outcome failed-warning"><span class="mark" aria-hidden="true">⚠</span> not met (1)</span>'],
      ['<code>plan-published</code>', 'warning', '–', '<span class="outcome not-in-play"><span class="mark" aria-hidden="true">–</span> not applicable</span>'],
    ]);
    // The overview counts each plan's findings; the skipped file is a note, not a plan.
    expect(text).toContain('<tr data-plan="plans/&#60;b&#62;150385-****&#60;/b&#62;.yaml" data-result="fails"><td><a href="#plan-1">');
    expect(text).toMatch(/data-result="fails">.*<td class="num">1<\/td><td class="num">1<\/td><td class="num">1<\/td><\/tr>/);
    expect(text).toContain('<p class="note">1 non-plan YAML file skipped.</p>');
    expect(text.match(/<section class="plan"/g)).toHaveLength(2);
    expect(text).toContain('<section class="across"><h2>Rules across the plans</h2>');
  });

  it('links a rule only to a web page', () => {
    const unsafe = rules.map((r) => (r.id === 'social-activity-regular' ? { ...r, docsUrl: 'javascript:alert(1)' } : r));
    const text = html({ rules: unsafe });
    expect(text).not.toContain('javascript:');
    expect(text).toContain('<td><code>social-activity-regular</code></td>');
  });

  it('says so for a plan that could not be checked', () => {
    const broken: FileResult = { file: '/w/broken.yaml', path: 'broken.yaml', status: 'checked', diagnostics: [{ ...tooRare, ruleId: 'yaml-syntax', message: 'YAML syntax error: Unexpected | here' }], suppressed: [], sha256: SHA, outcomes: [] };
    const text = formatHtml(makeInput({ results: [broken], summary: summarize([broken]), locale: 'sv' }));
    expect(text).toContain('<span class="result unchecked"><span class="mark" aria-hidden="true">✗</span> kunde inte kontrolleras</span>');
    // No emoji: they print as empty boxes without an emoji font.
    expect(text).not.toMatch(/\p{Extended_Pictographic}\uFE0F/u);
    expect(text).toContain('<p class="unchecked">Inga regler kunde utvärderas: åtgärda först fynden ovan.</p></section>');
    expect(text).not.toContain('<section class="across">');
  });
});
