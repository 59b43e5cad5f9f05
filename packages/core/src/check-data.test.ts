/**
 * Data in, findings out: `checkData` of a plan's value gives what the text check of the same
 * plan gives, by data path. Compared on every fixture and rule case; the only findings a text
 * has and its data cannot are those inside comments (data has none).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser, parse } from 'yaml';
import { applyFixes, checkData, checkDocument, formatPath, pathAtOffset, PlanDataError, type Diagnostic } from './internal.js';

const root = join(__dirname, '..', '..', '..');
const TODAY = '2026-10-01';

/** Every whole plan (fixtures/, verdict files aside) and every rule case. */
function planFiles(): string[] {
  const out: string[] = [];
  for (const dir of ['broken', 'compliant', 'real', 'shapes', 'syntax']) {
    for (const f of readdirSync(join(root, 'fixtures', dir))) if (f.endsWith('.yaml') && !f.endsWith('.verdicts.yaml')) out.push(join('fixtures', dir, f));
  }
  for (const rule of readdirSync(join(root, 'rules'))) {
    for (const sub of ['valid', 'invalid']) {
      let names: string[] = [];
      try {
        names = readdirSync(join(root, 'rules', rule, sub));
      } catch {
        continue;
      }
      for (const f of names) if (f.endsWith('.yaml')) out.push(join('rules', rule, sub, f));
    }
  }
  return out.sort();
}

/** The [start, end) offsets of every comment in a YAML text, from yaml's concrete syntax tree. */
function commentSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const t = node as { type?: string; offset?: number; source?: string };
      if (t.type === 'comment' && typeof t.offset === 'number' && typeof t.source === 'string') spans.push([t.offset, t.offset + t.source.length]);
      for (const v of Object.values(node)) if (v && typeof v === 'object') visit(v);
    }
  };
  for (const token of new Parser().parse(text)) visit(token);
  return spans;
}

function offsetOf(text: string, p: { line: number; character: number }): number {
  let offset = 0;
  for (let line = 0; line < p.line; line++) offset = text.indexOf('\n', offset) + 1;
  return offset + p.character;
}

describe('checkData', () => {
  it('finds what the text check finds, by data path, on every fixture and rule case', async () => {
    let compared = 0;
    let withFindings = 0;
    for (const file of planFiles()) {
      const text = readFileSync(join(root, file), 'utf8').replace(/\r\n/g, '\n');
      let value: unknown;
      try {
        value = parse(text, { uniqueKeys: true, merge: false });
      } catch {
        // A text with syntax errors has no data to compare with (fixtures/syntax/).
        continue;
      }
      const report = await checkDocument(text, { today: TODAY });
      const comments = commentSpans(text);
      const inComment = (o: number) => comments.some(([s, e]) => s <= o && o < e);
      // Suppression comments silence findings in text; data has no comments, so they stand.
      const expected = [...report.diagnostics, ...report.suppressed]
        .filter((d) => !inComment(offsetOf(text, d.range.start)))
        .map((d: Diagnostic) => {
          // A text scan's finding has no path of its own; the value its range lies in is its place.
          const textScan = d.path.length === 0 && (d.range.start.line > 0 || d.range.start.character > 0);
          const path = textScan ? pathAtOffset(text, offsetOf(text, d.range.start)) : d.path;
          return `${d.severity} ${d.ruleId} ${d.messageId} ${formatPath(path)} | ${d.message}`;
        })
        .sort();
      const data = await checkData(value, { today: TODAY });
      const actual = data.findings.map((f) => `${f.severity} ${f.ruleId} ${f.messageId} ${f.dataPath} | ${f.message}`).sort();
      expect(actual, file).toEqual(expected);
      expect(data.kind, file).toBe(report.kind);
      // The same plan as a JSON file: the same findings, with ranges into the JSON text.
      const json = JSON.stringify(value, null, 2);
      const asJson = await checkDocument(json, { today: TODAY });
      const jsonFindings = asJson.diagnostics.map((d) => {
        const path = d.path.length === 0 && (d.range.start.line > 0 || d.range.start.character > 0) ? pathAtOffset(json, offsetOf(json, d.range.start)) : d.path;
        return `${d.severity} ${d.ruleId} ${d.messageId} ${formatPath(path)} | ${d.message}`;
      });
      expect(jsonFindings.sort(), `${file} as JSON`).toEqual(expected);
      expect(data.outcomes.map((o) => `${o.ruleId} ${o.outcome}`), file).toHaveLength(report.outcomes.length);
      compared++;
      if (expected.length > 0) withFindings++;
    }
    // Every fixture but the syntax one, and the rule cases: the comparison ran on real material.
    expect(compared).toBeGreaterThan(300);
    expect(withFindings).toBeGreaterThan(100);
  });

  it('reports by data path, with the fix as data', async () => {
    const { findings, kind } = await checkData({ apiVersion: 'laatuvahti/v1', kind: 'ServiceDescription', language: 'en', premises: { accessible: false } }, { today: TODAY });
    expect(kind).toBe('ServiceDescription');
    const f = findings.find((x) => x.ruleId === 'premises-accessible');
    expect(f).toMatchObject({ severity: 'error', messageId: 'notAccessible', path: ['premises', 'accessible'], dataPath: 'premises.accessible' });
    expect(f).not.toHaveProperty('range');
    const misspelt = (await checkData({ apiVersion: 'laatuvahti/v1', kind: 'SelfMonitoringPlan', unit: { housingType: 'comunity-housing' } }, { today: TODAY })).findings.find((x) => x.messageId === 'badEnumSuggest');
    expect(misspelt).toMatchObject({ ruleId: 'schema-type', dataPath: 'unit.housingType', suggestion: 'community-housing', fix: { kind: 'replaceValue', path: ['unit', 'housingType'], value: 'community-housing' } });
  });

  it('checks JSON text with ranges into it', async () => {
    const json = '{\n  "apiVersion": "laatuvahti/v1",\n  "kind": "ServiceDescription",\n  "language": "en",\n  "premises": { "accessible": false }\n}\n';
    const d = (await checkDocument(json, { today: TODAY })).diagnostics.find((x) => x.ruleId === 'premises-accessible');
    // Line 4 is `  "premises": { "accessible": false }`: the range is the value `false`.
    expect(d?.range).toEqual({ start: { line: 4, character: 30 }, end: { line: 4, character: 35 } });
  });

  it('corrects a JSON plan\'s misspellings and keeps it JSON', async () => {
    const json = JSON.stringify({ apiVersion: 'laatuvahti/v1', kind: 'SelfMonitoringPlan', language: 'fi', unit: { housingType: 'comunity-housing', adress: 'Katu 1' } }, null, 2);
    const { text, applied } = applyFixes(json, (await checkDocument(json, { today: TODAY })).diagnostics);
    expect(applied.map((d) => d.messageId).sort()).toEqual(['badEnumSuggest', 'unknownKeySuggest']);
    expect(JSON.parse(text)).toEqual({ apiVersion: 'laatuvahti/v1', kind: 'SelfMonitoringPlan', language: 'fi', unit: { housingType: 'community-housing', address: 'Katu 1' } });
  });

  it('takes a Date where the format wants a date, as the calendar day', async () => {
    const plan = (updated: unknown) => ({ apiVersion: 'laatuvahti/v1', kind: 'ServiceDescription', language: 'fi', updated, premises: { accessible: true } });
    const asText = await checkData(plan('2024-09-01'), { today: TODAY });
    // Midnight UTC (JSON, Prisma) and local midnight (pg, mysql2) both mean 1 September.
    for (const date of [new Date(Date.UTC(2024, 8, 1)), new Date(2024, 8, 1), new Date(2024, 8, 1, 15, 30)]) {
      const r = await checkData(plan(date), { today: TODAY });
      expect(r.findings.filter((f) => f.ruleId.startsWith('schema-'))).toEqual([]);
      expect(r.findings).toEqual(asText.findings);
    }
    // A date the format does not accept is still a schema finding, never a silent pass.
    const wrong = await checkData(plan('1.9.2024'), { today: TODAY });
    expect(wrong.findings.map((f) => `${f.ruleId} ${f.messageId} ${f.dataPath}`)).toContain('schema-type badDocumentDate updated');
  });

  it('rejects values no plan file could hold, naming the path', async () => {
    const base = { apiVersion: 'laatuvahti/v1', kind: 'SelfMonitoringPlan' };
    const cases: [unknown, string, (string | number)[]][] = [
      [{ ...base, unit: { name: () => 'x' } }, 'the value at unit.name is a function', ['unit', 'name']],
      [{ ...base, staffing: { total: Number.NaN } }, 'the value at staffing.total is NaN', ['staffing', 'total']],
      [{ ...base, staffing: { total: 10n } }, 'the value at staffing.total is a bigint', ['staffing', 'total']],
      [{ ...base, unit: new Map([['name', 'x']]) }, 'the value at unit is a Map', ['unit']],
      [{ ...base, updated: new Date('not a date') }, 'the value at updated is an invalid Date', ['updated']],
      [undefined, 'the plan is undefined', []],
    ];
    const cyclic: Record<string, unknown> = { ...base };
    cyclic.unit = { parent: cyclic };
    cases.push([cyclic, 'the value at unit.parent refers back to a value that contains it', ['unit', 'parent']]);
    for (const [value, message, path] of cases) {
      const error = await checkData(value).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(PlanDataError);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as PlanDataError).message).toContain(message);
      expect((error as PlanDataError).path).toEqual(path);
    }
  });

  it('leaves out undefined properties as JSON does, and reports a value that is not a plan', async () => {
    const r = await checkData({ apiVersion: 'laatuvahti/v1', kind: 'ServiceDescription', language: 'en', premises: { accessible: true, safety: undefined } }, { today: TODAY });
    expect(r.findings.filter((f) => f.ruleId.startsWith('schema-'))).toEqual([]);
    expect((await checkData(['a'])).findings.map((f) => `${f.ruleId} ${f.messageId} ${f.dataPath}`)).toEqual(['schema-type notMapping ']);
    expect((await checkData(null)).findings.map((f) => `${f.ruleId} ${f.messageId}`)).toEqual(['schema-type emptyDocument']);
  });

  it('masks a personal identity code and names the value it is in', async () => {
    const r = await checkData({ apiVersion: 'laatuvahti/v1', kind: 'SelfMonitoringPlan', language: 'fi', responsiblePersons: [{ name: 'Maija Meikäläinen 150385-123X' }] }, { today: TODAY });
    const f = r.findings.find((x) => x.ruleId === 'personal-id-in-public-document');
    expect(f).toMatchObject({ dataPath: 'responsiblePersons[0].name', severity: 'error' });
    expect(f!.message).toContain('150385-****');
    expect(JSON.stringify(r)).not.toContain('150385-123X');
  });
});

describe('the plan\'s language', () => {
  const plan = (language: string) => `apiVersion: laatuvahti/v1\nkind: ServiceDescription\nlanguage: ${language}\npremises:\n  accessible: false\n`;
  const message = (d: { ruleId: string; message: string }[]) => d.find((x) => x.ruleId === 'premises-accessible')?.message.slice(0, 28);

  it('chooses the messages unless the caller chose a locale', async () => {
    const fi = await checkDocument(plan('fi'), { today: TODAY });
    expect(fi.locale).toBe('fi');
    expect(message(fi.diagnostics)).toBe('Palvelukuvauksen mukaan tila');
    const sv = await checkDocument(plan('sv'), { today: TODAY });
    expect([sv.locale, message(sv.diagnostics)]).toEqual(['sv', 'Enligt tjänstebeskrivningen ']);
    // The caller's choice wins: an option, or the config's locale.
    expect(message(await (await import('./internal.js')).check(plan('fi'), { today: TODAY, locale: 'en' }))).toBe('The service description says');
    const byConfig = await checkDocument(plan('fi'), { today: TODAY, config: { locale: 'sv' } });
    expect([byConfig.locale, message(byConfig.diagnostics)]).toEqual(['sv', 'Enligt tjänstebeskrivningen ']);
    // No language, or one core has no messages in: English.
    expect((await checkDocument(plan('de'), { today: TODAY })).locale).toBe('en');
    // Data too.
    const data = await checkData({ apiVersion: 'laatuvahti/v1', kind: 'ServiceDescription', language: 'fi', premises: { accessible: false } }, { today: TODAY });
    expect([data.locale, message(data.findings)]).toEqual(['fi', 'Palvelukuvauksen mukaan tila']);
  });
});
