/**
 * The generic rule machinery on a small pack of its own: subjects, options per rule, derived
 * facts, placeholders with fallbacks, and runs that never overlap on one Engine.
 */
import { describe, expect, it } from 'vitest';
import { checkWithPack } from '../check.js';
import { compilePack, RunQueue, type CompiledRule } from './compile-pack.js';
import { ruleFileSchema, type RuleFile } from './rule-schema.js';

const texts = { fi: 'x', sv: 'x', en: 'x' };

function rule(id: string, messages: Record<string, string>, checks: unknown[], options?: Record<string, unknown>): CompiledRule {
  const definition: RuleFile = ruleFileSchema.parse({
    id,
    kinds: ['SelfMonitoringPlan'],
    severity: 'error',
    basis: 'law',
    title: texts,
    source: { title: texts, requirements: ['R01'] },
    messages: Object.fromEntries(Object.entries(messages).map(([k, en]) => [k, { fi: en, sv: en, en }])),
    checks,
    ...(options ? { options } : {}),
  });
  return { definition, docsUrl: `https://example.invalid/${id}` };
}

const pack = compilePack({
  rules: [
    rule('a-rule', { rare: '{{name}} every {{every}} > {{max}}' }, [
      {
        each: 'socialActivity.activities[*]',
        when: { all: [{ fact: 'item', path: 'every', operator: 'intervalLongerThan', value: { fact: 'options', path: 'max' } }] },
        report: { message: 'rare', path: 'every', data: { name: ['item.name', 'item.basedOn'], every: 'item.every', max: 'options.max' } },
      },
    ], { max: { type: 'interval', default: 'month', description: texts } }),
    rule('b-rule', { rare: 'b {{max}}' }, [
      {
        each: 'socialActivity.activities[*]',
        when: { all: [{ fact: 'item', path: 'every', operator: 'intervalLongerThan', value: { fact: 'options', path: 'max' } }] },
        report: { message: 'rare', data: { max: 'options.max' } },
      },
    ], { max: { type: 'interval', default: '2 months', description: texts } }),
    rule('groups', { rehab: 'in rehabilitation: {{names}}; total {{total}}' }, [
      {
        when: {
          all: [
            { fact: 'countOf', params: { path: 'doc.clientGroups', where: [{ path: 'rehabilitation', operator: 'notIn', value: ['none'] }] }, operator: 'greaterThan', value: 0 },
            { fact: 'sumOf', params: { path: 'doc.staffing.roles[*].count' }, operator: 'numberDiffers', value: { fact: 'doc', path: 'staffing.total' } },
          ],
        },
        report: {
          message: 'rehab',
          path: 'clientGroups',
          data: {
            names: { fact: 'valuesOf', params: { path: 'doc.clientGroups', where: [{ path: 'rehabilitation', operator: 'notIn', value: ['none'] }], select: 'name' } },
            total: { fact: 'sumOf', params: { path: 'doc.staffing.roles[*].count' } },
          },
        },
      },
    ]),
    rule('gaps', { gap: 'gap before {{date}}' }, [
      {
        each: 'monitoringReports[*]',
        when: { all: [{ fact: 'span', params: { from: 'previous.date', to: 'item.date' }, operator: 'intervalLongerThan', value: '4 months' }] },
        report: { message: 'gap', path: 'date', data: { date: 'item.date' } },
      },
    ]),
  ],
  references: [],
});

const PLAN = `apiVersion: laatuvahti/v1
kind: SelfMonitoringPlan
clientGroups:
  - { id: a, name: Mielenterveyskuntoutujat, rehabilitation: mental-health }
  - { id: b, name: Ikääntyneet, rehabilitation: none }
staffing:
  total: 5
  roles:
    - { title: x, count: 2 }
    - { title: y, count: 2 }
socialActivity:
  activities:
    - { basedOn: Toiveet, every: 6 weeks }
monitoringReports:
  - { date: 2026-01-15 }
  - { date: 2026-05-10 }
  - { date: 2026-10-01 }
`;

describe('compiled rule packs', () => {
  it('evaluates per-item checks, options per rule, derived facts and fallbacks', async () => {
    const r = await checkWithPack(pack, PLAN, { today: '2026-10-02' });
    expect(r.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.ruleId} ${d.message}`)).toEqual([
      '3:2 groups in rehabilitation: Mielenterveyskuntoutujat; total 4',
      '12:33 a-rule Toiveet every 6 weeks > month',
      '16:12 gaps gap before 2026-10-01',
    ]);
  });

  it('runs queued tasks one at a time, in order, even when one fails', async () => {
    const queue = new RunQueue();
    const log: string[] = [];
    let running = 0;
    const task = (name: string, fail = false) => async () => {
      running++;
      expect(running).toBe(1);
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, 5));
      log.push(`end ${name}`);
      running--;
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([queue.run(task('a')), queue.run(task('b', true)), queue.run(task('c'))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});
