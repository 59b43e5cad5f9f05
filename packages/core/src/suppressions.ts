/**
 * Suppressions: `# laatuvahti-disable-next-line <rule-id>[, <rule-id>] -- <reason> (until YYYY-MM-DD)`
 * silences those rules' findings on the next line. A reason is required; an expired `until`
 * brings the finding back. Faulty or useless suppressions are findings themselves.
 */
import { visit, type LineCounter } from 'yaml';
import type { ParsedText } from './parse/parse-text.js';
import { isIsoDate } from './schema/primitives.js';
import type { Range } from './types.js';

/** A parsed suppression comment. */
export interface Suppression {
  /** 0-based line of the comment. */
  line: number;
  /** 0-based line the suppression applies to. */
  targetLine: number;
  rules: { id: string; start: number; end: number }[];
  reason: string;
  until?: string;
  /** Offsets of the comment text. */
  start: number;
  end: number;
}

const DIRECTIVE_RE = /^([ \t]*#[ \t]*)laatuvahti-disable-next-line\b(.*)$/;
const UNTIL_RE = /\(?\s*until\s+(\d{4}-\d{2}-\d{2})\s*\)?\s*$/i;

/** Finds every suppression comment in the text (whole-line comments only). */
export function findSuppressions(text: string): Suppression[] {
  if (!text.includes('laatuvahti-disable-next-line')) return [];
  const out: Suppression[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let pending: Suppression[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const m = DIRECTIVE_RE.exec(line);
    if (m) {
      pending.push(parseDirective(line, m, i, offset));
    } else if (line.trim() !== '' && !line.trimStart().startsWith('#')) {
      // Stacked comments all apply to the first line of content after them.
      for (const s of pending) out.push({ ...s, targetLine: i });
      pending = [];
    }
    offset += raw.length + 1;
  }
  for (const s of pending) out.push({ ...s, targetLine: s.line + 1 });
  return out;
}

/**
 * The suppression comments of a parsed plan: `findSuppressions` without the lines that are
 * really text inside a multi-line scalar (a `|` block or a quoted string over several lines): a
 * line there that reads like the comment is the plan's content, so it silences nothing and is
 * never reported or corrected.
 */
export function planSuppressions(parsed: ParsedText): Suppression[] {
  const suppressions = findSuppressions(parsed.text);
  if (suppressions.length === 0) return suppressions;
  const { text } = parsed;
  const spans: [number, number][] = [];
  visit(parsed.doc, {
    Scalar(_key, node) {
      const r = node.range;
      const newline = r ? text.indexOf('\n', r[0]) : -1;
      if (r && newline !== -1 && newline < r[1]) spans.push([r[0], r[1]]);
    },
  });
  if (spans.length === 0) return suppressions;
  return suppressions.filter((s) => !spans.some(([start, end]) => s.start >= start && s.start < end));
}

function parseDirective(line: string, m: RegExpExecArray, lineNo: number, lineOffset: number): Suppression {
  const restStart = m[1]!.length + 'laatuvahti-disable-next-line'.length;
  const rest = m[2]!;
  const sep = rest.indexOf('--');
  const rulesPart = sep === -1 ? rest : rest.slice(0, sep);
  let reason = sep === -1 ? '' : rest.slice(sep + 2).trim();
  let until: string | undefined;
  const u = UNTIL_RE.exec(reason);
  if (u && isIsoDate(u[1]!)) {
    until = u[1];
    reason = reason.slice(0, u.index).trim();
  }
  const rules: Suppression['rules'] = [];
  for (const r of rulesPart.matchAll(/[^\s,]+/g)) {
    const start = lineOffset + restStart + r.index!;
    rules.push({ id: r[0], start, end: start + r[0].length });
  }
  const commentStart = lineOffset + line.indexOf('#');
  return { line: lineNo, targetLine: lineNo + 1, rules, reason, until, start: commentStart, end: lineOffset + line.trimEnd().length };
}

/** Offsets -> range, for suppression findings. */
export function suppressionRange(lc: LineCounter, start: number, end: number): Range {
  const a = lc.linePos(start);
  const b = lc.linePos(end);
  return { start: { line: a.line - 1, character: a.col - 1 }, end: { line: b.line - 1, character: b.col - 1 } };
}
