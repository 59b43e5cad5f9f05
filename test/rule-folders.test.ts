/**
 * Rule folders, discovered (no hand-kept index): every rules/<id>/ has a valid rule.yaml, a
 * README with its sections and executed examples, valid cases with no finding of the rule,
 * and invalid cases matching their golden snapshot of rule ids and exact ranges.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWithPack, compilePack, README_HEADINGS, type Diagnostic } from '@laatuvahti/core';
import { loadRuleDir } from '@laatuvahti/core/node';

const rulesDir = join(__dirname, '..', 'rules');
const loaded = loadRuleDir(rulesDir);
const pack = compilePack(loaded.source);
const ruleIds = readdirSync(rulesDir).filter((d) => existsSync(join(rulesDir, d, 'rule.yaml'))).sort();
const DEFAULT_TODAY = '2026-10-01';

/** A case file may pin "today" with a first-line comment `# today: YYYY-MM-DD`. */
function todayOf(text: string): string {
  return /^#\s*today:\s*(\d{4}-\d{2}-\d{2})/.exec(text)?.[1] ?? DEFAULT_TODAY;
}

function span(r: Diagnostic['range']): string {
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

/**
 * Golden line: 1-based `line:col-line:col severity rule-id messageId message`, then one
 * `  related line:col-line:col message` line per related place.
 */
function snapshotLine(d: Diagnostic): string {
  const related = (d.related ?? []).map((r) => `\n  related ${span(r.range)} ${r.message}`).join('');
  return `${span(d.range)} ${d.severity} ${d.ruleId} ${d.messageId} ${d.message}${related}`;
}

async function findingsOf(ruleId: string, text: string): Promise<Diagnostic[]> {
  const report = await checkWithPack(pack, text, { today: todayOf(text), locale: 'en' });
  return report.diagnostics.filter((d) => d.ruleId === ruleId);
}

function yamlFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort() : [];
}

describe('rule pack', () => {
  it('loads every rule and reference file without a rule-load diagnostic', () => {
    expect(loaded.diagnostics.map((d) => `${d.uri} ${d.diagnostic.message}`)).toEqual([]);
    expect(loaded.source.rules.map((r) => r.definition.id).sort()).toEqual(ruleIds);
  });
});

describe.each(ruleIds)('rule %s', (ruleId) => {
  const dir = join(rulesDir, ruleId);

  it('says the same thing in fi, sv and en: every message has all three, with the same placeholders', () => {
    const rule = loaded.source.rules.find((r) => r.definition.id === ruleId)!.definition;
    // A placeholder may name a language's own form (lawShortFi / lawShortSv / lawShortEn).
    const placeholders = (t: string) => [...t.matchAll(/\{\{\s*([A-Za-z0-9]+)/g)].map((m) => m[1]!.replace(/(Fi|Sv|En)$/, '')).sort();
    for (const [id, texts] of Object.entries(rule.messages)) {
      for (const locale of ['fi', 'sv', 'en'] as const) expect(texts[locale]?.trim(), `${id}.${locale}`).toBeTruthy();
      expect(placeholders(texts.fi), `${id}: fi vs en placeholders`).toEqual(placeholders(texts.en));
      expect(placeholders(texts.sv), `${id}: sv vs en placeholders`).toEqual(placeholders(texts.en));
    }
    for (const locale of ['fi', 'sv', 'en'] as const) expect(rule.title[locale].trim()).not.toBe('');
  });

  it('uses every message it defines, and every placeholder a message names has data', () => {
    const rule = loaded.source.rules.find((r) => r.definition.id === ruleId)!.definition;
    const used = new Set(rule.checks.flatMap((c) => [c.report.message, ...Object.values(c.report.whenMissing ?? {}), ...(c.report.related ?? []).map((r) => r.message)]));
    expect(Object.keys(rule.messages).filter((id) => !used.has(id)), 'messages no check says').toEqual([]);
    for (const [i, c] of rule.checks.entries()) {
      const ids = [c.report.message, ...Object.values(c.report.whenMissing ?? {})];
      for (const id of ids) {
        const names = [...rule.messages[id]!.en.matchAll(/\{\{\s*([A-Za-z0-9]+)/g)].map((m) => m[1]!);
        expect(names.filter((n) => !(n in (c.report.data ?? {}))), `check ${i}, message ${id}: placeholders without data`).toEqual([]);
      }
    }
  });

  it('has at least one valid and one invalid case', () => {
    expect(yamlFiles(join(dir, 'valid')).length).toBeGreaterThan(0);
    expect(yamlFiles(join(dir, 'invalid')).length).toBeGreaterThan(0);
  });

  for (const file of yamlFiles(join(dir, 'valid'))) {
    it(`valid/${file} has no finding of ${ruleId}`, async () => {
      const text = readFileSync(join(dir, 'valid', file), 'utf8');
      expect((await findingsOf(ruleId, text)).map(snapshotLine)).toEqual([]);
    });
  }

  for (const file of yamlFiles(join(dir, 'invalid'))) {
    it(`invalid/${file} matches its snapshot`, async () => {
      const text = readFileSync(join(dir, 'invalid', file), 'utf8');
      const lines = (await findingsOf(ruleId, text)).map(snapshotLine);
      expect(lines.length).toBeGreaterThan(0);
      await expect(lines.join('\n') + '\n').toMatchFileSnapshot(join(dir, 'invalid', file.replace(/\.yaml$/, '.snap')));
    });
  }

  it('README has its sections and its examples behave as they claim', async () => {
    const readmePath = join(dir, 'README.md');
    expect(existsSync(readmePath)).toBe(true);
    const readme = readFileSync(readmePath, 'utf8');
    for (const heading of ['## What it checks', '## Why', '## How to fix', '## Examples']) expect(readme).toContain(heading);
    // The explanation in Finnish and Swedish too: quality officers read it in their language.
    for (const locale of ['fi', 'sv'] as const) {
      for (const heading of README_HEADINGS[locale]) expect(readme, `${ruleId} README: ${heading}`).toMatch(new RegExp(`^## ${heading}\\s*\\n\\s*\\S`, 'm'));
    }
    const examples = [...readme.matchAll(/```yaml (valid|invalid)\n([\s\S]*?)```/g)];
    expect(examples.some((m) => m[1] === 'invalid')).toBe(true);
    expect(examples.some((m) => m[1] === 'valid')).toBe(true);
    for (const [, claim, body] of examples) {
      const found = await findingsOf(ruleId, body!);
      if (claim === 'valid') expect(found.map(snapshotLine)).toEqual([]);
      else expect(found.length).toBeGreaterThan(0);
    }
  });
});
