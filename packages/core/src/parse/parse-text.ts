/**
 * Parse step: YAML text -> a `yaml` Document that keeps every node's character offsets, plus
 * the syntax errors with the parser's own offsets. Nothing later re-parses the text. The check
 * goes through `parsePlanText`, which reads plain block-style plans with the block reader.
 */
import { isCollection, isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { PARSE_OPTIONS, readBlockDocument } from './block-reader.js';
import { KeyIndex } from './locate.js';
import type { Position, Range } from '../types.js';

/** A syntax problem reported by the parser, still as character offsets. */
export interface SyntaxProblem {
  code: string;
  message: string;
  start: number;
  end: number;
  severity: 'error' | 'warning';
}

/** Parsed text: the document, offsets -> positions, and the parser's problems. */
export interface ParsedText {
  /** The text that offsets refer to (a leading BOM removed, as editors do). */
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  problems: SyntaxProblem[];
  /** The pairs of each mapping by key, filled as `locatePath` steps through them. */
  keyIndex?: KeyIndex;
}

/**
 * Parses YAML text with the `yaml` package. A leading byte-order mark is dropped first so that
 * columns on the first line match what editors show (they hide the BOM too).
 */
export function parseText(input: string): ParsedText {
  const text = withoutBom(input);
  // Duplicate keys are found by `structureProblems` below: yaml's own check compares each key
  // with every earlier key of its mapping, which made 100,000 keys take minutes.
  const doc = parseDocument(text, { ...PARSE_OPTIONS, uniqueKeys: false });
  const problems: SyntaxProblem[] = [];
  const deep = structureProblems(doc, problems);
  for (const e of doc.errors) {
    // yaml reports the stack overflow of a deeply nested text at an odd place; the nesting limit says it plainly.
    if (deep && e.code === 'RESOURCE_EXHAUSTION') continue;
    problems.push(toProblem(e, 'error', text.length));
  }
  for (const w of doc.warnings) problems.push(toProblem(w, 'warning', text.length));
  problems.sort((a, b) => a.start - b.start);
  return { text, doc, lineCounter: textLineCounter(text), problems, keyIndex: new KeyIndex() };
}

/**
 * How deeply collections may nest (a mapping or list inside another counts one level). Plans
 * nest fewer than 10 levels; far deeper nesting is a mistake or an attack, and from about 800
 * levels the parser runs out of stack. docs/plan-format.md states the limit.
 */
export const MAX_NESTING = 100;

/**
 * One pass over the nodes, with a stack of its own (a recursive walk is what a deep text
 * breaks): adds a `DUPLICATE_KEY` error for each repeated key of a mapping, as yaml's
 * `uniqueKeys` would (same scalar value), and a `NESTING_TOO_DEEP` error at the first node
 * nested more than MAX_NESTING levels deep. Returns whether the nesting was too deep.
 */
function structureProblems(doc: Document.Parsed, problems: SyntaxProblem[], duplicates = true): boolean {
  const stack: [Node, number][] = [];
  if (doc.contents) stack.push([doc.contents, 0]);
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth >= MAX_NESTING) {
      const start = node.range?.[0] ?? 0;
      problems.push({ code: 'NESTING_TOO_DEEP', message: `Nesting is too deep: level ${MAX_NESTING + 1} of mappings and lists starts here, and at most ${MAX_NESTING} are read`, start, end: start + 1, severity: 'error' });
      return true;
    }
    const seen = duplicates && isMap(node) ? new Set<unknown>() : undefined;
    for (const item of node.items) {
      if (!isPair(item)) {
        if (item) stack.push([item as Node, depth + 1]);
        continue;
      }
      const key = item.key as Node | null;
      if (isScalar(key)) {
        // yaml compares values with ===, so NaN is never a duplicate of itself.
        const nan = typeof key.value === 'number' && Number.isNaN(key.value);
        if (seen?.has(key.value) && !nan) {
          const at = key.range?.[0] ?? 0;
          problems.push({ code: 'DUPLICATE_KEY', message: 'Map keys must be unique', start: at, end: at + 1, severity: 'error' });
        }
        seen?.add(key.value);
      } else if (key) stack.push([key, depth + 1]);
      if (item.value) stack.push([item.value as Node, depth + 1]);
    }
  }
  return false;
}

/**
 * `parseText` for the check, which reads nodes, values and offsets but never comments: a plan
 * in the plain block style is read by the block reader (parse/block-reader.ts, same nodes and
 * offsets, several times faster), anything else by `parseDocument` as above.
 */
export function parsePlanText(input: string): ParsedText {
  const text = withoutBom(input);
  const read = readBlockDocument(text);
  if (!read) return parseText(text);
  // The reader leaves duplicate keys to yaml; the nesting limit holds for its documents too.
  const problems: SyntaxProblem[] = [];
  structureProblems(read.doc, problems, false);
  return { text, doc: read.doc, lineCounter: textLineCounter(text, read.lineStarts), problems, keyIndex: new KeyIndex() };
}

/**
 * A `LineCounter` for `text` whose positions always lie inside a line, as LSP defines lines
 * (ended by LF, CRLF or a lone CR). The parser's own counter is not used: it misses line starts
 * after a `...` document end marker (a later line then got a character past its end), and it
 * knows no lone CR, which editors do count as a line break. An offset past the end of the text
 * (a parser error "at the end") is the end of the last line; an offset inside a CRLF is the
 * end of its line.
 */
export function textLineCounter(text: string, lfStarts?: readonly number[]): LineCounter {
  const lineCounter = new LineCounter();
  const starts = lineCounter.lineStarts;
  if (lfStarts) {
    // The block reader's line starts: it reads no text with a lone CR, so LF ends every line.
    for (const start of lfStarts) starts.push(start);
  } else {
    starts.push(0);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1);
    }
  }
  const linePos = lineCounter.linePos;
  lineCounter.linePos = (offset: number) => {
    const at = Math.max(0, Math.min(offset, text.length));
    const pos = linePos(at);
    const lineStart = starts[pos.line - 1] ?? 0;
    const next = starts[pos.line];
    // The end of the line's content: before its LF, CRLF or CR (or the end of the text).
    let end = next ?? text.length;
    if (next !== undefined) {
      end--;
      if (text.charCodeAt(end) === 0x0a && text.charCodeAt(end - 1) === 0x0d && end - 1 >= lineStart) end--;
    }
    return at - lineStart > end - lineStart ? { line: pos.line, col: end - lineStart + 1 } : pos;
  };
  return lineCounter;
}

function withoutBom(input: string): string {
  return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
}

function toProblem(e: { code: string; message: string; pos: [number, number] }, severity: 'error' | 'warning', length: number): SyntaxProblem {
  const start = Math.min(e.pos[0], length);
  const end = Math.max(start, Math.min(e.pos[1], length));
  // The parser's messages end with a code-frame excerpt after a blank line; keep the sentence.
  const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return { code: e.code, message, start, end, severity };
}

/** Turns a character offset into an LSP position (0-based line and UTF-16 column). */
export function positionAt(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line: line - 1, character: col - 1 };
}

/** Turns [start, end) offsets into an LSP range. */
export function rangeOf(lineCounter: LineCounter, start: number, end: number): Range {
  return { start: positionAt(lineCounter, start), end: positionAt(lineCounter, end) };
}
