/**
 * The rule pack against real public plans (fixtures/real/): each `<slug>.yaml` is a faithful
 * conversion of a published plan, and `<slug>.verdicts.yaml` says what a careful supervisor
 * would and would not raise in it, with the reason. Every verdict must hold, in Finnish and in
 * Swedish, with the default rule set; every finding the pack raises must have been judged (on a
 * partial capture: every finding on a section the conversion could read).
 * The precision and recall over all verdicts are printed (the README quotes them).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { checkWithPack, compilePack, resolveSettings, type Diagnostic } from '@laatuvahti/core/internal';
import { loadRuleDir } from '@laatuvahti/core/internal/node';

const realDir = join(__dirname, '..', 'fixtures', 'real');
const pack = compilePack(loadRuleDir(join(__dirname, '..', 'rules')).source);

const verdict = z.strictObject({
  rule: z.string(),
  /** A data path prefix the finding must point at, e.g. `feedback` or `services[0].producer`. */
  at: z.string().optional(),
  /** The message id, where the verdict concerns one of the rule's messages only. */
  message: z.string().optional(),
  reason: z.string().min(10),
  /**
   * Where the pack is known to disagree with the verdict: why. It still counts against precision
   * or recall, and the test fails once the pack agrees (then drop the note).
   */
  disputed: z.string().min(10).optional(),
});
const verdictFile = z.strictObject({
  source: z.string().url(),
  unit: z.string(),
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /**
   * The top-level sections the conversion could read, when only part of the document could be
   * (e.g. the opening of a stored copy); absent means the whole document. Findings on other
   * sections are not judged: nobody knows what the real plan says there.
   */
  captured: z.array(z.string()).min(1).optional(),
  /** Data paths inside captured sections that the copy did not let anyone read (e.g. digits lost). */
  unreadable: z.array(z.string()).optional(),
  raise: z.array(verdict),
  notRaise: z.array(verdict),
});
type Verdict = z.infer<typeof verdict>;

const slugs = readdirSync(realDir)
  .filter((f) => f.endsWith('.verdicts.yaml'))
  .map((f) => f.replace(/\.verdicts\.yaml$/, ''))
  .sort();

/** The path prefix `at` as path segments (`services[0].producer` -> services, 0, producer). */
function segments(at: string): (string | number)[] {
  return at.split(/\.|\[(\d+)\]/).filter((s) => s !== undefined && s !== '').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function matches(d: Diagnostic, v: Verdict): boolean {
  if (d.ruleId !== v.rule || (v.message && d.messageId !== v.message)) return false;
  if (!v.at) return true;
  const want = segments(v.at);
  return want.every((s, i) => d.path[i] === s);
}

/** Raised = what a reader is told to act on: errors and warnings (info is a hint, off by default). */
const raised = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error' || d.severity === 'warning');

const totals = { truePositives: 0, falseNegatives: 0, falsePositives: 0, verdicts: 0 };

describe.each(slugs)('real plan %s', (slug) => {
  const text = readFileSync(join(realDir, `${slug}.yaml`), 'utf8');
  const verdicts = verdictFile.parse(parse(readFileSync(join(realDir, `${slug}.verdicts.yaml`), 'utf8')));

  it('names its public source in a header comment and replaces personal names', () => {
    expect(text.split('\n', 3).join('\n')).toContain(verdicts.source);
    expect(text).toMatch(/personal names replaced/i);
  });

  it.each(['fi', 'sv'] as const)('meets every verdict, and every finding is judged (%s)', async (locale) => {
    const { settings } = resolveSettings(pack, {});
    const report = await checkWithPack(pack, text, { today: verdicts.today, locale, settings });
    const captured = verdicts.captured ? new Set(['apiVersion', 'kind', 'language', 'template', ...verdicts.captured]) : undefined;
    // A text match (path []) is in the text the conversion has, so it is always judged.
    const inCapture = (top: string | number | undefined) => !captured || top === undefined || captured.has(String(top));
    // A verdict on a section the conversion never read would judge what nobody has seen.
    expect([...verdicts.raise, ...verdicts.notRaise].filter((v) => v.at && !inCapture(segments(v.at)[0]!)).map((v) => `${v.rule} at ${v.at}`)).toEqual([]);
    const unreadable = (verdicts.unreadable ?? []).map(segments);
    const readable = (d: Diagnostic) => !unreadable.some((u) => u.every((s, i) => d.path[i] === s));
    const found = raised(report.diagnostics).filter((d) => inCapture(d.path[0]) && readable(d));
    // A faithful conversion is well-formed: a schema or syntax finding is a conversion error.
    expect(found.filter((d) => d.ruleId.startsWith('schema-') || d.ruleId === 'yaml-syntax').map((d) => `${d.ruleId} ${d.path.join('.')}`)).toEqual([]);
    const missedAll = verdicts.raise.filter((v) => !found.some((d) => matches(d, v)));
    const missed = missedAll.filter((v) => !v.disputed);
    const wrongVerdicts = verdicts.notRaise.filter((v) => found.some((d) => matches(d, v)));
    const wrong = wrongVerdicts.filter((v) => !v.disputed).flatMap((v) => found.filter((d) => matches(d, v)).map((d) => `${v.rule} at ${d.path.join('.')}: ${d.message}`));
    // A dispute the pack no longer has is a verdict that holds: drop its note.
    const settled = [...verdicts.raise, ...verdicts.notRaise].filter((v) => v.disputed && !missedAll.includes(v) && !wrongVerdicts.includes(v)).map((v) => v.rule);
    expect(settled, 'disputed verdicts that now hold').toEqual([]);
    const unjudged = found.filter((d) => ![...verdicts.raise, ...verdicts.notRaise].some((v) => matches(d, v))).map((d) => `${d.ruleId} at ${d.path.join('.')}: ${d.message}`);
    if (locale === 'fi') {
      totals.verdicts += verdicts.raise.length + verdicts.notRaise.length;
      totals.truePositives += verdicts.raise.length - missedAll.length;
      totals.falseNegatives += missedAll.length;
      const fp = wrongVerdicts.length;
      totals.falsePositives += fp;
      console.info(`${slug}: ${verdicts.raise.length - missedAll.length} of ${verdicts.raise.length} raised, ${fp} wrongly, ${unjudged.length} unjudged`);
    }
    expect({ missed: missed.map((v) => `${v.rule}${v.at ? ` at ${v.at}` : ''}: ${v.reason}`), wrong, unjudged }).toEqual({ missed: [], wrong: [], unjudged: [] });
  });
});

describe('the real-plan corpus', () => {
  it('holds at least six plans of different kinds of unit, one of them in Swedish', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(6);
    const languages = slugs.map((s) => (parse(readFileSync(join(realDir, `${s}.yaml`), 'utf8')) as { language?: string }).language);
    expect(languages).toContain('sv');
  });

  it('reports precision and recall over every verdict', () => {
    const { truePositives: tp, falseNegatives: fn, falsePositives: fp } = totals;
    const precision = tp + fp ? tp / (tp + fp) : 1;
    const recall = tp + fn ? tp / (tp + fn) : 1;
    console.info(`real plans: ${slugs.length} plans, ${totals.verdicts} verdicts; precision ${(precision * 100).toFixed(0)} % (${tp} right of ${tp + fp} raised), recall ${(recall * 100).toFixed(0)} % (${tp} of ${tp + fn} a supervisor would raise)`);
    expect(totals.verdicts).toBeGreaterThan(0);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.8);
  });
});
