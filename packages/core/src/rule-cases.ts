/**
 * A rule folder's own tests, run: `valid/*.yaml` must give no finding of the rule,
 * `invalid/*.yaml` must give exactly the findings in its golden snapshot `invalid/*.snap`, and
 * the README's `yaml valid` / `yaml invalid` examples must behave as they claim. The pack's own
 * test suite and `laatuvahti test-rules` (for local rule folders) both run them through here, so
 * a rule author's folder passes or fails the same way everywhere. Reads files; Node only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWithPack, resolveSettings, type CompiledPack, type Diagnostic } from '@laatuvahti/core/internal';
import { fileErrorText } from './file-error.js';

/** The date a case is checked against unless its first line pins another (`# today: …`). */
export const DEFAULT_CASE_TODAY = '2026-10-01';

/** The date of a case: `# today: YYYY-MM-DD` on its first line, else `DEFAULT_CASE_TODAY`. */
export function caseToday(text: string): string {
  return /^#\s*today:\s*(\d{4}-\d{2}-\d{2})/.exec(text)?.[1] ?? DEFAULT_CASE_TODAY;
}

function span(r: Diagnostic['range']): string {
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

/**
 * A finding as a snapshot line: 1-based `line:col-line:col severity rule-id messageId message`,
 * then one `  related line:col-line:col message` line per related place.
 */
export function snapshotLine(d: Diagnostic): string {
  const related = (d.related ?? []).map((r) => `\n  related ${span(r.range)} ${r.message}`).join('');
  return `${span(d.range)} ${d.severity} ${d.ruleId} ${d.messageId} ${d.message}${related}`;
}

/** One case of a rule folder and how it went. */
export interface RuleCaseResult {
  /** `valid/x.yaml`, `invalid/x.yaml` or `README.md example N (valid|invalid)`. */
  name: string;
  kind: 'valid' | 'invalid' | 'example';
  /** The rule's findings as snapshot lines (English). */
  actual: string[];
  /** For an invalid case: its snapshot file, and its lines when the file exists. */
  snapshotFile?: string;
  expected?: string[];
  ok: boolean;
  /** Why the case failed, in a sentence. */
  problem?: string;
}

/** A snapshot's lines; undefined when there is none yet; a sentence when it cannot be read. */
function readSnapshot(file: string): { lines: string[] } | string | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return { lines: readFileSync(file, 'utf8').replace(/\n$/, '').split('\n') };
  } catch (e) {
    return `the snapshot cannot be read: ${fileErrorText(e)}`;
  }
}

/** The YAML case files of a folder, sorted; none when the folder is missing. */
export function caseFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort() : [];
}

/** The snapshot text of findings, as written to `invalid/*.snap`. */
export function snapshotText(lines: readonly string[]): string {
  return `${lines.join('\n')}\n`;
}

/**
 * Runs every case of the rule `ruleId` found in `folder` (the rule's own folder) with `pack`,
 * which must contain the rule. Messages are English, as snapshots are.
 */
export async function runRuleCases(pack: CompiledPack, ruleId: string, folder: string): Promise<RuleCaseResult[]> {
  // A rule whose `appliesWhen` does not hold for a case reports nothing there: an invalid case
  // outside the rule's scope fails as "reports nothing".
  // The rule under test runs at its own and its checks' severities, also a practice rule that the
  // default set leaves off.
  const settings = { ...resolveSettings(pack, {}).settings, enabled: new Set([ruleId]) };
  const findings = async (text: string) => {
    const report = await checkWithPack(pack, text, { today: caseToday(text), locale: 'en', settings });
    return { actual: report.diagnostics.filter((d) => d.ruleId === ruleId).map(snapshotLine) };
  };
  const results: RuleCaseResult[] = [];
  // A case file that cannot be read fails as itself (the others still run).
  const readCase = (name: string, kind: 'valid' | 'invalid'): string | undefined => {
    try {
      return readFileSync(join(folder, name), 'utf8');
    } catch (e) {
      results.push({ name, kind, actual: [], ok: false, problem: `the case cannot be read: ${fileErrorText(e)}` });
      return undefined;
    }
  };
  for (const file of caseFiles(join(folder, 'valid'))) {
    const text = readCase(`valid/${file}`, 'valid');
    if (text === undefined) continue;
    const { actual } = await findings(text);
    results.push({ name: `valid/${file}`, kind: 'valid', actual, ok: actual.length === 0, ...(actual.length ? { problem: `a valid case, but ${ruleId} reports it` } : {}) });
  }
  for (const file of caseFiles(join(folder, 'invalid'))) {
    const text = readCase(`invalid/${file}`, 'invalid');
    if (text === undefined) continue;
    const { actual } = await findings(text);
    const snapshotFile = join(folder, 'invalid', file.replace(/\.yaml$/, '.snap'));
    const snapshot = readSnapshot(snapshotFile);
    const expected = typeof snapshot === 'object' ? snapshot.lines : undefined;
    const problem =
      actual.length === 0
        ? `an invalid case, but ${ruleId} reports nothing`
        : typeof snapshot === 'string'
          ? snapshot
          : expected === undefined
            ? 'no snapshot yet (invalid/*.snap)'
            : snapshotText(expected) !== snapshotText(actual)
              ? 'the findings differ from the snapshot'
              : undefined;
    results.push({ name: `invalid/${file}`, kind: 'invalid', actual, snapshotFile, ...(expected ? { expected } : {}), ok: !problem, ...(problem ? { problem } : {}) });
  }
  const readme = join(folder, 'README.md');
  if (existsSync(readme)) {
    const examples = [...readFileSync(readme, 'utf8').matchAll(/```yaml (valid|invalid)\n([\s\S]*?)```/g)];
    for (const [i, [, claim, body]] of examples.entries()) {
      const { actual } = await findings(body!);
      const ok = claim === 'valid' ? actual.length === 0 : actual.length > 0;
      results.push({
        name: `README.md example ${i + 1} (${claim})`,
        kind: 'example',
        actual,
        ok,
        ...(ok ? {} : { problem: claim === 'valid' ? `marked valid, but ${ruleId} reports it` : `marked invalid, but ${ruleId} reports nothing` }),
      });
    }
  }
  return results;
}
