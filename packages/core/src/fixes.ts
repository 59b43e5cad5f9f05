/**
 * Fix step (for `laatuvahti check --fix` and any integrator): applies to a plan's text the fixes
 * that need no human judgement, the "did you mean" corrections: a misspelt enum value replaced
 * by the suggested one, a misspelt key renamed to the known key, a misspelt rule id in a
 * suppression comment (at most two characters off) replaced by the rule's id. Never applied: a
 * missing key or section (its content is the quality officer's to write), the header
 * (`apiVersion` and `kind` decide how the whole document is read: `kind: Palvelukuvaus` is not a
 * typo of `SelfMonitoringPlan`), and anything on a line under a suppression comment (someone
 * has decided about that line, even when the comment names its rule wrongly). The result is
 * only returned when it parses no worse than the original; otherwise nothing is applied.
 */
import { locatePath } from './parse/locate.js';
import { parseText } from './parse/parse-text.js';
import { renderScalar } from './schema/key-skeleton.js';
import { editDistance } from './suggest.js';
import { planSuppressions } from './suppressions.js';
import type { Diagnostic, DiagnosticFix } from './types.js';

/** The fix kinds `applyFixes` applies. */
export const AUTO_FIX_KINDS: readonly DiagnosticFix['kind'][] = ['replaceValue', 'renameKey', 'replaceText'];

/** One replacement, by offsets into the text given to `applyFixes`. */
export interface FixEdit {
  start: number;
  end: number;
  newText: string;
}

/** A plan's text after `applyFixes`, the findings whose fixes it holds, and the edits made. */
export interface FixResult {
  text: string;
  applied: Diagnostic[];
  /** In text order, not overlapping (for editors that apply them as text edits). */
  edits: FixEdit[];
}

interface Edit extends FixEdit {
  finding: Diagnostic;
}

const BOM = '\uFEFF';

/** Header keys: a change to them changes how the whole document is read, never a typo fix. */
const HEADER_KEYS = new Set(['apiVersion', 'kind']);

/**
 * How far off a rule id in a suppression comment may be for the correction to be applied
 * unasked: further off, it may name a rule of another pack (a local rule not loaded here), and
 * a wrong guess would silence a different rule. Editors still offer the suggestion.
 */
const MAX_RULE_ID_EDITS = 2;

/**
 * Applies the automatic fixes of `diagnostics` (findings of a check of `text`) to `text`.
 * Edits that overlap an earlier one are skipped, and misspelt rule ids in suppression comments
 * are corrected in a round of their own; the next check-and-fix round takes the rest.
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): FixResult {
  const fixable = diagnostics.filter((d) => d.fix && AUTO_FIX_KINDS.includes(d.fix.kind) && !d.suppressed);
  if (fixable.length === 0) return { text, applied: [], edits: [] };
  const parsed = parseText(text);
  const decided = new Set(planSuppressions(parsed).map((s) => s.targetLine));
  const edits: Edit[] = [];
  const renamedTo = new Set<string>();
  for (const finding of fixable) {
    const fix = finding.fix!;
    if (fix.kind !== 'replaceText' && decided.has(finding.range.start.line)) continue;
    if (fix.kind === 'replaceValue') {
      if (fix.path.length === 1 && HEADER_KEYS.has(String(fix.path[0]))) continue;
      const at = locatePath(parsed, fix.path, 'value');
      if (at.exact) edits.push({ start: at.start, end: at.end, newText: quotedAs(parsed.text.slice(at.start, at.end), fix.value), finding });
    } else if (fix.kind === 'replaceText') {
      const { start, end } = finding.range;
      const from = offsetOf(parsed.lineCounter.lineStarts, start.line, start.character);
      const to = offsetOf(parsed.lineCounter.lineStarts, end.line, end.character);
      const close = from !== undefined && to !== undefined && from < to && editDistance(parsed.text.slice(from, to), fix.value) <= MAX_RULE_ID_EDITS;
      if (close) edits.push({ start: from, end: to, newText: fix.value, finding });
    } else if (fix.kind === 'renameKey') {
      const at = locatePath(parsed, fix.path, 'key');
      // Never rename onto a key the mapping already has or another rename makes: a duplicate key.
      const target = [...fix.path.slice(0, -1), fix.key];
      const id = JSON.stringify(target);
      if (at.exact && !renamedTo.has(id) && !locatePath(parsed, target, 'key').exact) {
        renamedTo.add(id);
        edits.push({ start: at.start, end: at.end, newText: quotedAs(parsed.text.slice(at.start, at.end), fix.key), finding });
      }
    }
  }
  // Suppression comments decide which findings stand: when one is corrected, that is all this
  // round does, so the next check sees what it silences (a key it keeps is not then renamed).
  const inComments = edits.filter((e) => e.finding.ruleId === 'suppression-invalid');
  const round = inComments.length > 0 ? inComments : edits;
  round.sort((a, b) => a.start - b.start);
  const kept: Edit[] = [];
  for (const e of round) if (kept.length === 0 || e.start >= kept[kept.length - 1]!.end) kept.push(e);
  if (kept.length === 0) return { text, applied: [], edits: [] };

  let out = parsed.text;
  for (const e of [...kept].reverse()) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  const errors = (t: string) => parseText(t).problems.filter((p) => p.severity === 'error').length;
  if (errors(out) > parsed.problems.filter((p) => p.severity === 'error').length) return { text, applied: [], edits: [] };
  // parseText reads the text without its byte order mark; the edits count it.
  const shift = text.startsWith(BOM) ? BOM.length : 0;
  return {
    text: shift ? BOM + out : out,
    applied: kept.map((e) => e.finding),
    edits: kept.map((e) => ({ start: e.start + shift, end: e.end + shift, newText: e.newText })),
  };
}

/**
 * The replacement for a scalar, quoted as the scalar it replaces was: a JSON plan's strings
 * stay double-quoted (a plain `community-housing` would still be YAML, but no longer JSON),
 * and a quoted YAML value keeps its quotes.
 */
function quotedAs(original: string, value: string): string {
  if (original.startsWith('"')) return JSON.stringify(value);
  if (original.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  return renderScalar(value);
}

/** The offset of a 0-based line and UTF-16 character, when the line exists. */
function offsetOf(lineStarts: readonly number[], line: number, character: number): number | undefined {
  const start = lineStarts[line];
  return start === undefined ? undefined : start + character;
}
