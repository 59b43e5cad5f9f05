/**
 * Rule outcomes: every rule of the document's kind is accounted for, and each outcome follows
 * from what the check did (findings, suppressions, baseline, config, dates).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkWithPack, getDefaultPack, resolveSettings, ruleOutcomes, type RuleOutcome } from './internal.js';

const pack = getDefaultPack();
const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url), 'utf8');
const COMPLIANT = fixture('compliant/self-monitoring-plan.fi.yaml');
const BROKEN = fixture('broken/omavalvontasuunnitelma-puutteellinen.fi.yaml');
const DOCUMENT_BUILTINS = ['yaml-syntax', 'schema-type', 'schema-unknown-key', 'suppression-invalid'];

const planRules = [...pack.rules.values()].filter((r) => r.definition.kinds.includes('SelfMonitoringPlan')).map((r) => r.definition.id).sort();
/** Rules resting on one document's practice: off in the default rule set. */
const practiceRules = [...pack.rules.values()].filter((r) => r.definition.kinds.includes('SelfMonitoringPlan') && r.definition.basis === 'practice').map((r) => r.definition.id).sort();

function byOutcome(outcomes: readonly RuleOutcome[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const o of outcomes) (out[o.outcome] ??= []).push(o.ruleId);
  return out;
}

describe('ruleOutcomes', () => {
  it('lists every rule of the kind, in id order, then the built-in checks; a compliant plan meets all that concern it', async () => {
    const report = await checkWithPack(pack, COMPLIANT, { today: '2026-09-15' });
    const outcomes = ruleOutcomes(pack, report, { today: '2026-09-15' });
    expect(outcomes.map((o) => o.ruleId)).toEqual([...planRules, ...DOCUMENT_BUILTINS]);
    expect(planRules.length).toBeGreaterThan(20);
    // A community-housing unit whose services all come from an NGO, with no rehabilitation clients.
    const notForThisUnit = ['rehabilitation-guidance-recorded-separately', 'round-the-clock-staffed', 'shifts-planned-by-service-needs', 'subcontracting-described', 'supported-housing-includes-social-guidance'];
    expect(report.notApplicable).toEqual(notForThisUnit);
    expect(practiceRules.length).toBeGreaterThan(0);
    expect(byOutcome(outcomes)).toEqual({
      'not-applicable': notForThisUnit,
      off: practiceRules,
      passed: [...planRules.filter((id) => !notForThisUnit.includes(id) && !practiceRules.includes(id)), ...DOCUMENT_BUILTINS],
    });
    expect(outcomes.every((o) => o.findings === 0)).toBe(true);
    // A rule for service descriptions only is no outcome of a self-monitoring plan.
    expect(outcomes.some((o) => pack.rules.get(o.ruleId)?.definition.kinds.includes('SelfMonitoringPlan') === false)).toBe(false);
  });

  it('fails exactly the rules that found something, with their counts and severities', async () => {
    const report = await checkWithPack(pack, BROKEN, { today: '2026-10-01' });
    const outcomes = ruleOutcomes(pack, report, { today: '2026-10-01' });
    const found = new Map<string, number>();
    for (const d of report.diagnostics) found.set(d.ruleId, (found.get(d.ruleId) ?? 0) + 1);
    expect(found.size).toBeGreaterThan(3);
    const failed = outcomes.filter((o) => o.outcome === 'failed');
    expect(failed.map((o) => o.ruleId).sort()).toEqual([...found.keys()].sort());
    for (const o of failed) expect(o.findings).toBe(found.get(o.ruleId));
    const adverse = outcomes.find((o) => o.ruleId === 'adverse-event-procedure')!;
    expect(adverse.severity).toBe('error');
  });

  it('tells suppressed and baselined findings from standing ones', async () => {
    const report = await checkWithPack(pack, BROKEN, { today: '2026-10-01' });
    const [first, second] = [...new Set(report.diagnostics.map((d) => d.ruleId))].filter((id) => !DOCUMENT_BUILTINS.includes(id));
    const outcomes = ruleOutcomes(
      pack,
      {
        kind: report.kind!,
        diagnostics: report.diagnostics.filter((d) => d.ruleId !== first && d.ruleId !== second),
        suppressed: report.diagnostics.filter((d) => d.ruleId === first),
        baselined: report.diagnostics.filter((d) => d.ruleId === second),
      },
      { today: '2026-10-01' },
    );
    expect(outcomes.find((o) => o.ruleId === first)).toMatchObject({ outcome: 'suppressed', findings: 0 });
    expect(outcomes.find((o) => o.ruleId === second)).toMatchObject({ outcome: 'baselined', findings: 0 });
  });

  it('reports a suppression comment of the plan itself as suppressed', async () => {
    const text = COMPLIANT.replace(/^adverseEvents:/m, '# laatuvahti-disable-next-line adverse-event-procedure -- Kuvataan erillisessä ohjeessa\nadverseEvents:').replace(/^  reportingSystem:.*\n/m, '');
    const report = await checkWithPack(pack, text, { today: '2026-09-15' });
    expect(report.suppressed.map((d) => d.ruleId)).toContain('adverse-event-procedure');
    const outcome = ruleOutcomes(pack, report, { today: '2026-09-15' }).find((o) => o.ruleId === 'adverse-event-procedure');
    expect(outcome).toMatchObject({ outcome: 'suppressed', findings: 0, suppressed: 1 });
  });

  it('marks rules turned off by the config and rules not yet in force', async () => {
    const { settings } = resolveSettings(pack, { 'adverse-event-procedure': 'off', 'schema-unknown-key': 'off' });
    const report = await checkWithPack(pack, BROKEN, { today: '2023-06-01', settings });
    const outcomes = ruleOutcomes(pack, report, { today: '2023-06-01', settings });
    const groups = byOutcome(outcomes);
    expect(groups.off).toEqual(['adverse-event-procedure', ...practiceRules, 'schema-unknown-key']);
    const later = [...pack.rules.values()].filter((r) => r.definition.kinds.includes('SelfMonitoringPlan') && r.definition.appliesFrom! > '2023-06-01' && r.definition.id !== 'adverse-event-procedure' && r.definition.basis !== 'practice');
    expect(later.length).toBeGreaterThan(0);
    expect(groups['not-in-force']).toEqual(later.map((r) => r.definition.id).sort());
    expect(outcomes.find((o) => o.outcome === 'not-in-force')!.appliesFrom).toBe('2024-01-01');
    expect(outcomes.find((o) => o.ruleId === 'adverse-event-procedure')!.severity).toBe('off');
  });

  it('tells the rules for another kind of unit (appliesWhen) from rules that are met', async () => {
    const supported = COMPLIANT.replace(/housingType: community-housing/, 'housingType: supported-housing');
    expect(supported).not.toBe(COMPLIANT);
    const report = await checkWithPack(pack, supported, { today: '2026-09-15' });
    const groups = byOutcome(ruleOutcomes(pack, report, { today: '2026-09-15' }));
    for (const id of ['community-housing-premises', 'services-separate-from-housing', 'social-activity-offered', 'round-the-clock-staffed']) expect(groups['not-applicable']).toContain(id);
    expect(groups['not-applicable']).not.toContain('supported-housing-includes-social-guidance');
    // Rules about what every plan must show, whatever the unit, still apply.
    expect(groups['not-applicable']).not.toContain('feedback-from-all-groups');
    // Findings always win: a rule that reports something is not met, whatever else holds.
    const finding = (await checkWithPack(pack, BROKEN, { today: '2026-10-01' })).diagnostics[0]!;
    const failing = ruleOutcomes(pack, { ...report, diagnostics: [{ ...finding, ruleId: 'community-housing-premises' }] }, { today: '2026-09-15' });
    expect(failing.find((o) => o.ruleId === 'community-housing-premises')!.outcome).toBe('failed');
  });

  it('has no outcomes for a document whose rules could not run', async () => {
    const report = await checkWithPack(pack, fixture('syntax/palvelukuvaus-sisennysvirhe.fi.yaml'), { today: '2026-10-01' });
    expect(report.diagnostics.map((d) => d.ruleId)).toContain('yaml-syntax');
    expect(ruleOutcomes(pack, report, { today: '2026-10-01' })).toEqual([]);
  });

  it('does not call a rule passed when a time budget stopped the check before it', async () => {
    const report = await checkWithPack(pack, COMPLIANT, { today: '2026-09-15', timeBudgetMs: -1 });
    expect(report.diagnostics.map((d) => d.ruleId)).toEqual(['check-incomplete']);
    const groups = byOutcome(ruleOutcomes(pack, report, { today: '2026-09-15' }));
    expect(groups['not-evaluated']).toEqual(planRules.filter((id) => !practiceRules.includes(id)));
    expect(groups.off).toEqual(practiceRules);
    expect(groups.passed).toEqual(DOCUMENT_BUILTINS);
  });
});
