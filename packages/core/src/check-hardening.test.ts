/**
 * Hostile documents (issue 17): very many unknown keys, very deep nesting, duplicate keys by
 * the hundred thousand. Each must be checked in bounded time with a clear finding.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { check } from './internal.js';
import { MAX_NESTING, parseText } from './parse/parse-text.js';
import { MAX_SHAPE_FINDINGS, validateShapeCapped } from './schema/validate-shape.js';
import { schemasByKind } from './schema/index.js';
import type { Diagnostic } from './types.js';

const TODAY = '2026-09-15';
const HEADER = 'apiVersion: laatuvahti/v1\nkind: SelfMonitoringPlan\n';
const PLAN = readFileSync(join(__dirname, '..', '..', '..', 'fixtures', 'compliant', 'self-monitoring-plan.fi.yaml'), 'utf8');

function at(d: Diagnostic): string {
  return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.ruleId}`;
}

/** CPU time of `fn` in ms: wall time on a shared, loaded machine says little. */
async function cpuMs<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const before = process.cpuUsage();
  const result = await fn();
  const used = process.cpuUsage(before);
  return [result, (used.user + used.system) / 1000];
}

describe('very many unknown keys', () => {
  /** The compliant plan with `count` unknown keys at the start of `unit:` (line 15 onwards). */
  function withUnknownKeys(count: number): string {
    const extra = Array.from({ length: count }, (_, i) => `  stray${i}: x`).join('\n');
    return PLAN.replace(/^unit:.*\n/m, `unit:\n${extra}\n`);
  }

  it('checks 20,000 of them in linear time, reports the first 200 and counts the rest in one finding', async () => {
    const unitLine = PLAN.split('\n').findIndex((l) => l.startsWith('unit:'));
    // Quadratic in the keys (as before issue 17) this took over 10 s of CPU; linear, well under 1 s.
    const [diagnostics, ms] = await cpuMs(() => check(withUnknownKeys(20_000), { today: TODAY, locale: 'en' }));
    expect(ms).toBeLessThan(5_000);
    const shape = diagnostics.filter((d) => d.ruleId === 'schema-unknown-key');
    expect(shape).toHaveLength(MAX_SHAPE_FINDINGS + 1);
    expect(shape[0]).toMatchObject({ messageId: 'unknownKey', message: 'Unknown key "stray0".' });
    expect(at(shape[0]!)).toBe(`${unitLine + 1}:2-${unitLine + 1}:8 schema-unknown-key`);
    const note = shape.at(-1)!;
    expect(note).toMatchObject({ messageId: 'moreShapeFindings', severity: 'warning', path: ['unit', 'stray200'] });
    expect(note.message).toBe('19800 more wrong values or unknown keys are not shown: only the first 200 are. Correct these and check again.');
    // The count stands at the first key it counts.
    expect(at(note)).toBe(`${unitLine + 201}:2-${unitLine + 201}:10 schema-unknown-key`);
  });

  it('gives the count the severity of the worst finding it stands for', () => {
    // zod reports the wrong type (`updated: 15`) before the unknown keys: a limit of 0 counts all.
    const doc = { apiVersion: 'laatuvahti/v1', kind: 'SelfMonitoringPlan', a: 1, b: 2, updated: 15 };
    const all = validateShapeCapped(schemasByKind.SelfMonitoringPlan, doc, Infinity);
    expect(all.findings.map((f) => f.ruleId)).toEqual(['schema-type', 'schema-unknown-key', 'schema-unknown-key']);
    expect(validateShapeCapped(schemasByKind.SelfMonitoringPlan, doc, 0)).toMatchObject({ findings: [], omitted: 3, omittedRuleId: 'schema-type', omittedPath: ['updated'] });
    expect(validateShapeCapped(schemasByKind.SelfMonitoringPlan, doc, 1)).toMatchObject({ omitted: 2, omittedRuleId: 'schema-unknown-key', omittedPath: ['a'] });
  });
});

describe('duplicate keys', () => {
  it('are found in one pass, where yaml compares every pair (100,000 keys)', async () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}: 1`).join('\n');
    const [parsed, ms] = await cpuMs(async () => parseText(`---\n${keys}\nk7: 2\n`));
    expect(ms).toBeLessThan(5_000);
    const dup = parsed.problems.filter((p) => p.code === 'DUPLICATE_KEY');
    expect(dup).toHaveLength(1);
    expect(parsed.text.slice(dup[0]!.start, dup[0]!.start + 4)).toBe('k7: ');
    expect(dup[0]!.start).toBe(parsed.text.lastIndexOf('k7: 2'));
  });

  it('are the ones yaml finds: same scalar value, in block and flow mappings', () => {
    const texts = ['a: 1\nb: 2\na: 3\n', '{a: 1, b: 2, a: 3}\n', 'x:\n  - {k: 1, k: 1}\n', '1: a\n"1": b\n', '.nan: 1\n.nan: 2\n', 'null: 1\n~: 2\n', '? [a]\n: 1\n? [a]\n: 2\n'];
    for (const text of texts) {
      const ours = parseText(text).problems.filter((p) => p.code === 'DUPLICATE_KEY').map((p) => p.start);
      const theirs = parseDocument(text, { uniqueKeys: true }).errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.pos[0]);
      expect(ours, text).toEqual(theirs);
    }
  });
});

describe('deep nesting', () => {
  it(`reports nesting past ${MAX_NESTING} levels where it starts, in every style, never a stack overflow`, async () => {
    const cases: [string, string, string][] = [
      // [ … at column 3 is level 1 (the top-level mapping is level 0), so level 101 is column 103.
      ['flow', `${HEADER}a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, '2:102-2:103'],
      ['compact lists', `${HEADER}a:\n${'- '.repeat(10_000)}x\n`, '3:198-3:199'],
      ['block mappings', `${HEADER}${Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} v\n`, '102:100-102:101'],
      // Within the block reader's subset, a shallower text takes the same limit.
      ['block reader', `${HEADER}${Array.from({ length: 150 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} v\n`, '102:100-102:101'],
    ];
    for (const [name, text, range] of cases) {
      const d = await check(text, { today: TODAY, locale: 'en' });
      expect(d.map(at), name).toEqual([`${range} yaml-syntax`]);
      expect(d[0]!.message, name).toBe(`YAML syntax error: Nesting is too deep: level ${MAX_NESTING + 1} of mappings and lists starts here, and at most ${MAX_NESTING} are read`);
    }
    const fi = await check(cases[0]![1], { today: TODAY, locale: 'fi' });
    expect(fi[0]!.message).toContain('liian monta tasoa: tästä alkaa taso 101');
  });

  it(`reads ${MAX_NESTING} levels as usual`, async () => {
    const d = await check(`${HEADER}a: ${'['.repeat(MAX_NESTING - 1)}${']'.repeat(MAX_NESTING - 1)}\n`, { today: TODAY });
    expect(d.map((x) => x.ruleId)).not.toContain('yaml-syntax');
    expect(d.find((x) => x.ruleId === 'schema-unknown-key')).toMatchObject({ path: ['a'] });
  });
});

describe('identity codes a person would read', () => {
  it('finds a code glued to letters and one written with an escape, and prints neither in full', async () => {
    const text = `${HEADER}language: fi\nupdated: 2026-09-15\nauthorityGuidance: Hetu120468-937R\nclientNotes:\n  note: "030303\\u0045918R"\n  other: "no code: \\u0041"\n`;
    const d = (await check(text, { today: TODAY, locale: 'en' })).filter((x) => x.ruleId === 'personal-id-in-public-document');
    expect(d.map(at)).toEqual(['4:23-4:34 personal-id-in-public-document', '6:8-6:26 personal-id-in-public-document']);
    expect(d.map((x) => x.message.match(/\(([^)]*)\)/)![1])).toEqual(['120468-****', '030303E****']);
    const all = JSON.stringify(await check(text, { today: TODAY }));
    expect(all).not.toContain('937R');
    expect(all).not.toContain('918R');
  });
});
