import { describe, expect, it } from 'vitest';
import { checkWithPack, ruleOutcomes } from '../internal.js';
import { v1ActivityPack } from '../testing/v1-pack.js';
import { complianceReport, markdownText, reportedRules } from './compliance-report.js';

const pack = v1ActivityPack(); // the v1 activity rule, which this plan's suppression silences
const PLAN = `apiVersion: laatuvahti/v1
kind: SelfMonitoringPlan
updated: 2026-09-15
socialActivity:
  activities:
    - name: Retket
      # laatuvahti-disable-next-line social-activity-regular -- Kesätauko sovittu asukkaiden kanssa (until 2026-12-31)
      every: 3 months
`;

describe('complianceReport', () => {
  it('reports one checked plan with titles, sources and links from the pack, in the locale', async () => {
    const report = await checkWithPack(pack, PLAN, { today: '2026-10-01', locale: 'fi' });
    const text = complianceReport({
      plans: [{ path: 'suunnitelma.yaml', ...report, outcomes: ruleOutcomes(pack, report, { today: '2026-10-01' }) }],
      rules: reportedRules(pack, 'fi'),
      locale: 'fi',
      today: '2026-10-01',
      version: '9.9.9',
    });
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['# Laatuvahti – tarkistusraportti', '', '1 suunnitelma tarkistettu 2026-10-01 voimassa olevien sääntöjen mukaan (laatuvahti 9.9.9).']);
    expect(lines).toContain('| suunnitelma.yaml | Omavalvontasuunnitelma | ❌ puutteita | ' + `${report.diagnostics.filter((d) => d.severity === 'error').length} | ${report.diagnostics.filter((d) => d.severity === 'warning').length} | 1 |`);
    const regular = pack.rules.get('social-activity-regular')!;
    expect(lines).toContain(`| 8:14 | [\`social-activity-regular\`](${regular.docsUrl}) | Kesätauko sovittu asukkaiden kanssa (2026-12-31 asti) |`);
    expect(lines).toContain(`| [\`social-activity-regular\`](${regular.docsUrl}) ${regular.definition.title.fi} | ${markdownText(regular.definition.source.title.fi)} (R39) | ☑️ vaiennettu (1) |`);
    expect(lines).toContain('| [`schema-type`](https://github.com/laatuvahti/laatuvahti/blob/main/docs/built-in-rules.md#schema-type) Väärä tyyppi tai arvo | Laatuvahdin suunnitelmamuoto | ✅ täyttyy |');
  });

  it('keeps text from a plan from becoming markup', () => {
    expect(markdownText('a | b')).toBe('a \\| b');
    expect(markdownText('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert(1)\\>');
    expect(markdownText('**bold** _it_ `code` [link](x) ![i](y) # h ~s~ &amp; \\')).toBe('\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\[link\\](x) \\!\\[i\\](y) \\# h \\~s\\~ \\&amp; \\\\');
    expect(markdownText('line\r\nbreak\ttab')).toBe('line break tab');
  });
});
