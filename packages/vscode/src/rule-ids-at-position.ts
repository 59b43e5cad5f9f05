/**
 * Command step ("Show rule documentation"): which rule the user means, from the command's
 * argument or from Laatuvahti's findings at the cursor. Works on plain shapes that
 * vscode.Diagnostic and vscode.Position satisfy, so it needs no editor.
 */

/** The parts of a diagnostic this module reads (vscode.Diagnostic fits). */
export interface DiagnosticLike {
  source?: string;
  code?: string | number | { value: string | number; target?: unknown };
  range: { start: PositionLike; end: PositionLike };
}

/** A 0-based line/character position (vscode.Position fits). */
export interface PositionLike {
  line: number;
  character: number;
}

/** The diagnostic `source` the language server sets. */
export const DIAGNOSTIC_SOURCE = 'laatuvahti';

const RULE_ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The rule id of one of Laatuvahti's diagnostics (code = rule id), else undefined. */
export function ruleIdOf(diagnostic: DiagnosticLike): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return typeof code === 'string' && RULE_ID_RE.test(code) ? code : undefined;
}

/**
 * The rule ids of Laatuvahti's findings under the cursor, without repeats, in the order given.
 * A finding counts when its range contains the position (end inclusive, so the cursor right
 * after a word still hits it); when none does, the findings on the cursor's line count.
 */
export function ruleIdsAtPosition(diagnostics: readonly DiagnosticLike[], position: PositionLike): string[] {
  const ours = diagnostics.filter((d) => ruleIdOf(d) !== undefined);
  let hits = ours.filter((d) => !before(position, d.range.start) && !before(d.range.end, position));
  if (hits.length === 0) hits = ours.filter((d) => d.range.start.line <= position.line && position.line <= d.range.end.line);
  return [...new Set(hits.map((d) => ruleIdOf(d) as string))];
}

/**
 * The rule id a command argument names: a rule id string (as a code action's command passes
 * it), `{ ruleId }`, or a Laatuvahti diagnostic. Anything else (a URI from a menu, nothing)
 * yields undefined, and the command looks at the cursor instead.
 */
export function ruleIdFromArgument(arg: unknown): string | undefined {
  if (typeof arg === 'string') return RULE_ID_RE.test(arg) ? arg : undefined;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const ruleId = (arg as { ruleId?: unknown }).ruleId;
  if (typeof ruleId === 'string') return RULE_ID_RE.test(ruleId) ? ruleId : undefined;
  if ('range' in arg && 'code' in arg) return ruleIdOf(arg as DiagnosticLike);
  return undefined;
}

function before(a: PositionLike, b: PositionLike): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
