/**
 * Parse step: YAML text -> a `yaml` Document that keeps every node's character offsets, plus
 * the syntax errors with the parser's own offsets. Nothing later re-parses the text. The check
 * goes through `parsePlanText`, which reads plain block-style plans with the block reader.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import { PARSE_OPTIONS, readBlockDocument } from './block-reader.js';
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
}

/**
 * Parses YAML text with the `yaml` package. A leading byte-order mark is dropped first so that
 * columns on the first line match what editors show (they hide the BOM too).
 */
export function parseText(input: string): ParsedText {
  const text = withoutBom(input);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter });
  const problems: SyntaxProblem[] = [];
  for (const e of doc.errors) problems.push(toProblem(e, 'error', text.length));
  for (const w of doc.warnings) problems.push(toProblem(w, 'warning', text.length));
  return { text, doc, lineCounter, problems };
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
  const lineCounter = new LineCounter();
  for (const start of read.lineStarts) lineCounter.addNewLine(start);
  return { text, doc: read.doc, lineCounter, problems: [] };
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
