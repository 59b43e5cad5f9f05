/**
 * Quick fixes from a finding's fix hint: insert a missing key as a schema skeleton at the
 * right place and indentation, replace a value or rename a key with the suggestion, or add a
 * suppression comment with a reason placeholder. Every edit is built so the text stays YAML.
 */
import { isScalar, type Pair } from 'yaml';
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type TextEdit } from 'vscode-languageserver';
import {
  applyFixes, AUTO_FIX_KINDS, KINDS, keySkeleton, knownKeys, locatePath, placeholderValue, positionAt, rangeOf, renderScalar, schemaAt, schemasByKind,
  type DataPath, type Diagnostic, type DiagnosticFix, type Locale, type ParsedText, type PlanKind, type Position, type Range, type SkeletonOptions,
} from '@laatuvahti/core/internal';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from './to-lsp-diagnostic.js';
import { lspText } from './lsp-messages.js';
import { insideMultilineScalar, lineStart, mapAt, nextLineStart, pairEnd } from './yaml-nodes.js';

/** Inputs of the code actions for one request. */
export interface CodeActionInput {
  uri: string;
  parsed: ParsedText;
  /** The diagnostics the client sent as context (ours carry fix hints in `data`). */
  diagnostics: readonly LspDiagnostic[];
  kind: PlanKind | undefined;
  /** Language of titles. */
  locale: Locale;
  /** Language of the plan's free text (for placeholders written into it). */
  language: Locale;
  /** Findings of the current version, for clients that drop a diagnostic's `data`. */
  findings?: readonly Diagnostic[];
  /**
   * The document's text (of the version `findings` are for) when "correct all misspellings" may
   * be offered: next to a misspelling's own fix, when there are others.
   */
  fixAll?: { text: string; positionAt: (offset: number) => Position };
}

// Findings that a comment cannot or should not silence.
const NOT_SUPPRESSIBLE = new Set(['yaml-syntax', 'suppression-invalid', 'check-failed', 'check-incomplete', 'rule-load']);

/** The quick fixes for the given diagnostics. */
export function provideCodeActions(input: CodeActionInput): CodeAction[] {
  const actions: CodeAction[] = [];
  const skeletonOptions: SkeletonOptions = { placeholder: lspText('fillIn', input.language) };
  let onMisspelling = false;
  for (const d of input.diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'string') continue;
    const fix = (d.data as DiagnosticData | undefined)?.fix ?? input.findings?.find((f) => f.ruleId === d.code && f.message === d.message && sameRange(f.range, d.range))?.fix;
    if (fix && AUTO_FIX_KINDS.includes(fix.kind)) onMisspelling = true;
    if (fix) {
      for (const a of fixActions(input, fix, d.range, skeletonOptions)) actions.push({ ...a, kind: CodeActionKind.QuickFix, diagnostics: [d] });
    }
    // JSON has no comments: a JSON plan's findings cannot be silenced in the file.
    if (!NOT_SUPPRESSIBLE.has(d.code) && !isJsonText(input.parsed.text)) {
      const edit = suppressionEdit(input.parsed, d.range.start.line, d.code, lspText('reasonPlaceholder', input.locale));
      if (edit) actions.push({ title: lspText('suppress', input.locale, { rule: d.code }), kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [input.uri]: [edit] } } });
    }
  }
  if (onMisspelling && input.fixAll && input.findings) {
    // A quick fix too (editors keep source actions out of the light bulb), when it does more
    // than the fixes of the findings at hand.
    const all = fixAllAction(input.uri, input.fixAll.text, input.findings, input.locale, input.fixAll.positionAt, CodeActionKind.QuickFix);
    const more = all?.applied.some((f) => !input.diagnostics.some((d) => d.code === f.ruleId && sameRange(d.range, f.range)));
    if (all && more) actions.push(all.action);
  }
  return actions;
}

/** The kind of the "correct all misspellings" action (`editor.codeActionsOnSave` can ask for it). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.laatuvahti`;

/**
 * Every automatic fix of the document at once (core's `applyFixes`: misspelt values, keys and
 * rule ids in suppression comments, never an insertion), from `findings` of the version `text`
 * is, with the findings it corrects; none when there is nothing to do.
 */
export function fixAllAction(
  uri: string,
  text: string,
  findings: readonly Diagnostic[],
  locale: Locale,
  positionAtOffset: (offset: number) => Position,
  kind: string = FIX_ALL_KIND,
): { action: CodeAction; applied: Diagnostic[] } | undefined {
  const { edits, applied } = applyFixes(text, findings);
  if (edits.length === 0) return undefined;
  const textEdits: TextEdit[] = edits.map((e) => ({ range: { start: positionAtOffset(e.start), end: positionAtOffset(e.end) }, newText: e.newText }));
  return { action: { title: lspText('fixAll', locale, { count: edits.length }), kind, edit: { changes: { [uri]: textEdits } } }, applied };
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function fixActions(input: CodeActionInput, fix: DiagnosticFix, range: Range, options: SkeletonOptions): CodeAction[] {
  const { parsed, uri, locale } = input;
  const one = (title: string, edit: TextEdit | undefined): CodeAction[] => (edit ? [{ title, isPreferred: true, edit: { changes: { [uri]: [edit] } } }] : []);
  switch (fix.kind) {
    case 'insertKey': {
      // Without a known kind only the header can be completed; `kind` itself gets one fix per kind.
      const kinds = input.kind ? [input.kind] : fix.key === 'kind' ? [...KINDS] : [KINDS[0]];
      return kinds.flatMap((kind) => {
        const edit = insertKeyEdit(parsed, kind, fix.parentPath, fix.key, options);
        const title = lspText('insertKey', locale, { key: fix.key === 'kind' && !input.kind ? `kind: ${kind}` : fix.key });
        return edit ? [{ title, isPreferred: kinds.length === 1, edit: { changes: { [uri]: [edit] } } }] : [];
      });
    }
    case 'replaceValue':
      return one(lspText('replaceValue', locale, { value: fix.value }), replaceEdit(parsed, fix.path, 'value', fix.value));
    case 'renameKey':
      return one(lspText('renameKey', locale, { key: fix.key }), replaceEdit(parsed, fix.path, 'key', fix.key));
    case 'replaceText':
      return one(lspText('replaceValue', locale, { value: fix.value }), { range, newText: fix.value });
    default:
      return [];
  }
}

/** Replaces the key or value token at `path` with `text` (quoted when YAML needs it). */
function replaceEdit(parsed: ParsedText, path: DataPath, anchor: 'key' | 'value', text: string): TextEdit | undefined {
  const loc = locatePath(parsed, path, anchor);
  if (!loc.exact) return undefined;
  return { range: rangeOf(parsed.lineCounter, loc.start, loc.end), newText: quotedAs(parsed.text.slice(loc.start, loc.end), text) };
}

/** A JSON plan file (a flow mapping from the first character): edits must keep it JSON. */
function isJsonText(text: string): boolean {
  return /^\uFEFF?\s*\{/.test(text);
}

/** `value` quoted as the scalar it replaces: a JSON string stays a JSON string. */
function quotedAs(original: string, value: string): string {
  if (original.startsWith('"')) return JSON.stringify(value);
  if (original.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  return renderScalar(value);
}

/**
 * Inserts `key` with a skeleton value into the mapping at `parentPath`: in a block mapping
 * after the nearest key that precedes it in schema order (at the mapping's indentation), in
 * a flow mapping before the closing brace.
 */
export function insertKeyEdit(parsed: ParsedText, kind: PlanKind, parentPath: DataPath, key: string, options: SkeletonOptions): TextEdit | undefined {
  const map = mapAt(parsed, parentPath);
  const schema = schemaAt(schemasByKind[kind], [...parentPath, key]);
  if (!map || !schema) return undefined;
  const { text, lineCounter } = parsed;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const at = (offset: number, newText: string): TextEdit => {
    const pos = positionAt(lineCounter, offset);
    return { range: { start: pos, end: pos }, newText };
  };

  if (map.flow || map.items.length === 0) {
    const range = map.range;
    if (!range) return undefined;
    const close = text.lastIndexOf('}', range[1] - 1);
    if (close < range[0]) return undefined;
    let end = close;
    while (end > range[0] && /\s/.test(text[end - 1]!)) end--;
    const value = placeholderValue(schema, options);
    // JSON is valid flow YAML; scalars are written as YAML so plain words stay plain.
    // In a JSON plan every key and string is double-quoted, as JSON needs.
    const json = isJsonText(text);
    const rendered = json || (value !== null && typeof value === 'object') ? JSON.stringify(value) : renderScalar(value);
    const pair = `${json ? JSON.stringify(key) : renderScalar(key)}: ${rendered}`;
    return at(end, map.items.length ? `, ${pair}` : pair);
  }

  const order = knownKeys(schemaAt(schemasByKind[kind], parentPath));
  const rank = order.indexOf(key);
  let prev: Pair | undefined;
  let prevRank = -1;
  for (const p of map.items) {
    const r = isScalar(p.key) ? order.indexOf(String(p.key.value)) : -1;
    if (r !== -1 && r < rank && r > prevRank) {
      prev = p;
      prevRank = r;
    }
  }
  const first = map.items[0]!;
  const firstKey = (first.key as { range?: [number, number, number] } | null)?.range;
  if (!firstKey) return undefined;
  const indent = positionAt(lineCounter, firstKey[0]).character;
  const skeleton = keySkeleton(kind, parentPath, key, indent, options);
  if (!skeleton) return undefined;
  const body = eol === '\n' ? skeleton : skeleton.replace(/\n/g, eol);
  const firstAtLineStart = text.slice(lineStart(text, firstKey[0]), firstKey[0]).trim() === '';
  if (!prev && firstAtLineStart) return at(lineStart(text, firstKey[0]), body);
  // A list item's first key shares the dash's line: new keys go below it.
  const after = prev ?? first;
  const offset = nextLineStart(text, pairEnd(parsed, after));
  const needsBreak = offset === text.length && text.length > 0 && !text.endsWith('\n');
  return at(offset, needsBreak ? eol + body : body);
}

/**
 * A `# laatuvahti-disable-next-line` comment above `line`, indented like it. None when the line
 * is inside a multi-line scalar, where a comment would become part of the text.
 */
export function suppressionEdit(parsed: ParsedText, line: number, ruleId: string, reason: string): TextEdit | undefined {
  const { text, lineCounter } = parsed;
  const start = lineCounter.lineStarts[line];
  if (start === undefined) return undefined;
  if (insideMultilineScalar(parsed, start)) return undefined;
  const indent = /^[ \t]*/.exec(text.slice(start, start + 200))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `${indent}# laatuvahti-disable-next-line ${ruleId} -- ${reason}${eol}`,
  };
}
