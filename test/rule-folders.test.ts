/**
 * Rule folders, discovered (no hand-kept index): every rules/<id>/ has a valid rule.yaml, a
 * README with its sections and executed examples, valid cases with no finding of the rule,
 * and invalid cases matching their golden snapshot of rule ids and exact ranges.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilePack, README_HEADINGS, README_OPTIONAL_HEADINGS } from '@laatuvahti/core/internal';
import { caseFiles, loadRuleDir, runRuleCases, snapshotText, type RuleCaseResult } from '@laatuvahti/core/internal/node';

const rulesDir = join(__dirname, '..', 'rules');
const loaded = loadRuleDir(rulesDir);
const pack = compilePack(loaded.source);
const ruleIds = readdirSync(rulesDir).filter((d) => existsSync(join(rulesDir, d, 'rule.yaml'))).sort();

describe('rule pack', () => {
  it('loads every rule and reference file without a rule-load diagnostic', () => {
    expect(loaded.diagnostics.map((d) => `${d.uri} ${d.diagnostic.message}`)).toEqual([]);
    expect(loaded.source.rules.map((r) => r.definition.id).sort()).toEqual(ruleIds);
  });
});

describe.each(ruleIds)('rule %s', (ruleId) => {
  const dir = join(rulesDir, ruleId);
  // The folder's cases, run once by the same runner as `laatuvahti test-rules`.
  let cases: Promise<RuleCaseResult[]> | undefined;
  const allCases = () => (cases ??= runRuleCases(pack, ruleId, dir));
  const caseNamed = async (name: string) => (await allCases()).find((c) => c.name === name)!;

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
    expect(caseFiles(join(dir, 'valid')).length).toBeGreaterThan(0);
    expect(caseFiles(join(dir, 'invalid')).length).toBeGreaterThan(0);
  });

  for (const file of caseFiles(join(dir, 'valid'))) {
    it(`valid/${file} has no finding of ${ruleId}`, async () => {
      expect((await caseNamed(`valid/${file}`)).actual).toEqual([]);
    });
  }

  for (const file of caseFiles(join(dir, 'invalid'))) {
    it(`invalid/${file} matches its snapshot`, async () => {
      const result = await caseNamed(`invalid/${file}`);
      expect(result.actual.length).toBeGreaterThan(0);
      // The rule's `appliesWhen` holds wherever the rule reports something.
      expect(result.problem ?? '').not.toMatch(/appliesWhen/);
      // Through vitest's file snapshot, so that `vitest -u` writes new snapshots for review.
      await expect(snapshotText(result.actual)).toMatchFileSnapshot(result.snapshotFile!);
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
      // Options and decisions, where a rule has them, in every language as well.
      README_OPTIONAL_HEADINGS.en.forEach((english, i) => {
        if (!new RegExp(`^## ${english}\\s*$`, 'm').test(readme)) return;
        const heading = README_OPTIONAL_HEADINGS[locale][i]!;
        expect(readme, `${ruleId} README: ${heading} (it has ${english})`).toMatch(new RegExp(`^## ${heading}\\s*\\n\\s*\\S`, 'm'));
      });
    }
    const examples = (await allCases()).filter((c) => c.kind === 'example');
    expect(examples.some((c) => c.name.endsWith('(invalid)'))).toBe(true);
    expect(examples.some((c) => c.name.endsWith('(valid)'))).toBe(true);
    for (const example of examples) expect(example, example.name).toMatchObject({ ok: true });
  });
});
