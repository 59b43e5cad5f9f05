/**
 * Settings: the shipped rule sets. A rule resting on one unit's practice is off in the default
 * set (`laatuvahti:recommended`), on as info in `laatuvahti:strict`, and a per-rule setting wins
 * over either; `appliesWhen` keeps a rule silent on a unit it does not concern.
 */
import { describe, expect, it } from 'vitest';
import { check, checkDocument, compilePack, defaultSeverity, resolveSettings, type RuleFile } from './internal.js';

const texts = { fi: 'x', sv: 'x', en: 'x' };

function rule(id: string, basis: RuleFile['basis'], severity: RuleFile['severity'], extra: Partial<RuleFile> = {}): RuleFile {
  return {
    id,
    kinds: ['SelfMonitoringPlan'],
    severity,
    basis,
    title: texts,
    source: { title: texts, url: 'https://example.invalid/source' },
    messages: { gone: { fi: 'puuttuu', sv: 'saknas', en: 'missing' } },
    checks: [{ when: { all: [{ fact: 'doc', path: 'feedback', operator: 'missing', value: true }] }, report: { message: 'gone', path: 'feedback' } }],
    ...extra,
  } as RuleFile;
}
const pack = compilePack({
  rules: [
    { definition: rule('by-law', 'law', 'error'), docsUrl: 'https://example.invalid/by-law' },
    { definition: rule('by-practice', 'practice', 'info'), docsUrl: 'https://example.invalid/by-practice' },
    {
      definition: rule('for-housing', 'guidance', 'warning', { appliesWhen: { all: [{ fact: 'doc', path: 'unit.housingType', operator: 'equal', value: 'community-housing' }] } }),
      docsUrl: 'https://example.invalid/for-housing',
    },
  ],
  references: [],
});
const PLAN = 'apiVersion: laatuvahti/v1\nkind: SelfMonitoringPlan\nunit:\n  housingType: none\n';
const ids = (ds: { ruleId: string; severity: string }[]) => ds.map((d) => `${d.ruleId} ${d.severity}`).sort();

describe('rule sets', () => {
  it('leave a practice rule off by default', async () => {
    expect(defaultSeverity(pack.rules.get('by-practice')!.definition)).toBe('off');
    expect(defaultSeverity(pack.rules.get('by-law')!.definition)).toBe('error');
    expect(ids(await check(PLAN, { pack }))).toEqual(['by-law error']);
    expect(ids(await check(PLAN, { pack, config: { extends: 'laatuvahti:recommended' } }))).toEqual(['by-law error']);
  });

  it('turn it on as info in laatuvahti:strict, and a per-rule setting wins', async () => {
    expect(ids(await check(PLAN, { pack, config: { extends: 'laatuvahti:strict' } }))).toEqual(['by-law error', 'by-practice info']);
    expect(ids(await check(PLAN, { pack, config: { extends: ['laatuvahti:strict'], rules: { 'by-practice': 'warning' } } }))).toEqual(['by-law error', 'by-practice warning']);
    expect(ids(await check(PLAN, { pack, config: { rules: { 'by-practice': 'info' } } }))).toEqual(['by-law error', 'by-practice info']);
    expect(ids(await check(PLAN, { pack, config: { extends: 'laatuvahti:strict', rules: { 'by-practice': 'off' } } }))).toEqual(['by-law error']);
    const { settings } = resolveSettings(pack, {}, undefined, 'en', 'laatuvahti:strict');
    expect(defaultSeverity(pack.rules.get('by-practice')!.definition, settings)).toBe('info');
  });

  it('keep a rule whose appliesWhen does not hold silent, and name it not applicable', async () => {
    const housing = PLAN.replace('housingType: none', 'housingType: community-housing');
    expect(ids(await check(housing, { pack }))).toEqual(['by-law error', 'for-housing warning']);
    const report = await checkDocument(PLAN, { pack });
    expect(ids(report.diagnostics)).toEqual(['by-law error']);
    expect(report.notApplicable).toEqual(['for-housing']);
  });
});
