/**
 * Where the cursor is, for completion: the data path of the mapping (or key) being typed in,
 * read from indentation. Text being typed is often not valid YAML yet, so this scans lines
 * rather than trusting the parse tree.
 */
import type { PathSegment } from '@laatuvahti/core/internal';

/** What the cursor is about to complete. */
export type CursorContext =
  | { type: 'key'; parentPath: PathSegment[]; word: string; wordStart: number }
  | { type: 'value'; path: PathSegment[]; word: string; wordStart: number; inList: boolean };

interface Frame {
  /** Column of the key, or of the dash of a list item. */
  col: number;
  seg: PathSegment;
  isItem: boolean;
  /** A key with nothing after the colon: its value may be an indentless list at `col`. */
  open: boolean;
  /** A block scalar (`|`, `>`): deeper lines are text, not structure. */
  scalar: boolean;
}

const LINE_RE = /^( *)((?:- +)*)(.*)$/;
const KEY_RE = /^("[^"]*"|'[^']*'|[^\s#'"{[\]}:,][^#:]*?) *:(?: +(.*)|$)/;

function unquote(k: string): string {
  return /^["']/.test(k) ? k.slice(1, -1) : k;
}

/**
 * Applies one line (or, with `commit` false, the cursor line's prefix) to the frame stack;
 * `onKey` hears of every key with the path of the mapping it belongs to.
 */
function step(stack: Frame[], indent: number, dashes: string, content: string, commit: boolean, onKey?: (parent: PathSegment[], key: string) => void): void {
  const hasDash = dashes.length > 0;
  let firstIndex = 0;
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (indent > top.col) break;
    if (indent === top.col && hasDash && !top.isItem && top.open) break; // an indentless list
    stack.pop();
    if (indent === top.col && hasDash && top.isItem) {
      firstIndex = (top.seg as number) + 1; // the next item of the same list
      break;
    }
  }
  // Each dash opens a list item (`- - x` nests lists); only the first continues a list.
  let col = indent;
  for (const m of dashes.matchAll(/- +/g)) {
    stack.push({ col, seg: col === indent ? firstIndex : 0, isItem: true, open: false, scalar: false });
    col += m[0].length;
  }
  if (!commit) return;
  const key = KEY_RE.exec(content);
  if (key) {
    const rest = (key[2] ?? '').trim();
    onKey?.(stack.map((f) => f.seg), unquote(key[1]!.trim()));
    stack.push({ col, seg: unquote(key[1]!.trim()), isItem: false, open: rest === '' || rest.startsWith('#'), scalar: /^[|>][-+0-9]*\s*(#.*)?$/.test(rest) });
  }
}

/** Calls `visit` for every structural line before offset `end` (blank lines, comments, block scalar text skipped). */
function scanLines(text: string, end: number, visit: (indent: number, dashes: string, content: string, lineStart: number) => void): void {
  let scalarCol = -1;
  let pos = 0;
  while (pos < end) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl === -1 || nl >= end ? end : nl;
    const line = text.slice(pos, lineEnd).replace(/\r$/, '');
    const start = pos;
    pos = lineEnd + 1;
    const m = LINE_RE.exec(line)!;
    const indent = m[1]!.length;
    const dashes = m[2]!;
    const content = m[3]!;
    if (dashes === '' && (content.trim() === '' || content.trimStart().startsWith('#'))) continue;
    if (scalarCol >= 0 && indent > scalarCol) continue;
    scalarCol = -1;
    if (indent === 0 && /^(---|\.\.\.)/.test(content)) continue;
    visit(indent, dashes, content, start);
    // A block scalar's text lines are deeper than its key: skip them.
    const key = KEY_RE.exec(content);
    if (key && /^[|>][-+0-9]*\s*(#.*)?$/.test((key[2] ?? '').trim())) scalarCol = indent + dashes.length;
  }
}

/**
 * The keys present in the mapping at `path`, read from the text like `cursorContext` reads it;
 * the key on the line starting at `skipLineStart` (the one being typed) is left out.
 */
export function keysAt(text: string, path: readonly PathSegment[], skipLineStart: number): Set<string> {
  const target = JSON.stringify(path);
  const keys = new Set<string>();
  const stack: Frame[] = [];
  scanLines(text, text.length, (indent, dashes, content, lineStart) => {
    step(stack, indent, dashes, content, true, (parent, key) => {
      if (lineStart !== skipLineStart && JSON.stringify(parent) === target) keys.add(key);
    });
  });
  return keys;
}

/**
 * The completion context at `offset` in `text`, or undefined where nothing can be completed
 * (inside a comment, a block scalar's text, a flow mapping, a quoted string).
 */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = text.slice(lineStart, offset);
  if (/(^|\s)#/.test(prefix)) return undefined;
  const stack: Frame[] = [];
  scanLines(text, lineStart, (indent, dashes, content) => step(stack, indent, dashes, content, true));
  const m = LINE_RE.exec(prefix)!;
  const top = stack[stack.length - 1];
  if (top?.scalar && m[1]!.length > top.col) return undefined;
  step(stack, m[1]!.length, m[2]!, '', false);
  const path = stack.map((f) => f.seg);
  const rest = m[3]!;
  const wordStartOf = (word: string) => offset - word.length;

  const keyOnly = /^([A-Za-z_][\w-]*)?$/.exec(rest);
  if (keyOnly) {
    const word = keyOnly[1] ?? '';
    if (m[2] !== '') {
      // `- word`: a new item; the caller decides whether items are mappings or values.
      return { type: 'value', path, word, wordStart: wordStartOf(word), inList: true };
    }
    return { type: 'key', parentPath: path, word, wordStart: wordStartOf(word) };
  }
  const keyValue = /^([A-Za-z_][\w-]*) *: +(\[(?:[^\]]*, *)?)?([\w-]*)$/.exec(rest);
  if (keyValue) {
    const word = keyValue[3]!;
    return { type: 'value', path: [...path, keyValue[1]!], word, wordStart: wordStartOf(word), inList: keyValue[2] !== undefined };
  }
  return undefined;
}
