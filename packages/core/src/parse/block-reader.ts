/**
 * Parse step, fast path: reads the block-style YAML that plans are written in straight into
 * `yaml`'s own nodes (YAMLMap, YAMLSeq, Pair, Scalar) with the offsets `parseDocument` gives
 * them, about five times faster than the general parser, whose lexer, CST and composer are
 * most of a check's time. Anything outside the narrow subset below returns `undefined` and is
 * left to `parseDocument`, so every syntax error, warning and unusual construct is still the
 * `yaml` package's own. The subset:
 *
 * - a top-level block mapping; block mappings and sequences, a sequence also at its key's
 *   indentation, a mapping also compact in a sequence item (`- id: x`);
 * - single-line plain, single-quoted and double-quoted scalars, resolved by the YAML 1.2 core
 *   schema's own tags (taken from `yaml`, not re-implemented);
 * - literal and folded block scalars without indentation or keep indicators, and folded ones
 *   without more-indented lines;
 * - single-line flow sequences and mappings of such scalars;
 * - comments, on their own line indented as the next content line, or after a value.
 *
 * Not in it (each sends the text to `parseDocument`): tabs, a CR not before LF, control characters,
 * directives and document markers, anchors, aliases, tags, explicit and quoted keys, multi-line
 * scalars and flow collections, empty block scalars, duplicate keys, and every malformed line.
 * Comments are not kept: the check never reads them (suppressions are read from the text).
 * parse/block-reader.test.ts compares this reader with `parseDocument` node by node.
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Schema } from 'yaml';
import { trimEnd } from './locate.js';

/**
 * The options core parses plans with, here and in parse-text.ts: YAML 1.2 core schema (dates
 * stay strings), `<<` an ordinary key (merge keys are off, a known denial-of-service vector),
 * duplicate keys errors.
 */
export const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, merge: false, logLevel: 'error' } as const;

/** Thrown to leave a text to `parseDocument`; one shared instance, so no stack is captured. */
const UNSUPPORTED = new Error('outside the block reader subset');

/** A scalar tag of the core schema with what resolving a plain scalar needs. */
interface ScalarTag {
  default?: boolean | 'key';
  test?: RegExp;
  format?: string;
  resolve: (value: string, onError: (message: string) => void, options: object) => unknown;
}

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const CR = 0x0d;
const DASH = 0x2d;

/** Characters that make a line or value more than this reader handles when they start it. */
const INDICATORS = new Set('-?:,[]{}#&*!|>\'"%@`');
/** Characters a flow scalar stops at. */
const FLOW_STOP = new Set(',[]{}:#');
/** Control characters, C1 controls, a BOM or Unicode line separators anywhere: left to `yaml`. */
const UNUSUAL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\u2028\u2029]|\r(?!\n)/;

const DOUBLE_QUOTE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};

/** The tags a plain value and a plain key are resolved by; the same for every document. */
let tagsByTest: { values: ScalarTag[]; keys: ScalarTag[] } | undefined;

function coreTags(schema: Schema): { values: ScalarTag[]; keys: ScalarTag[] } {
  if (!tagsByTest) {
    const tags = schema.tags as unknown as ScalarTag[];
    tagsByTest = {
      values: tags.filter((t) => t.default === true && t.test),
      keys: tags.filter((t) => (t.default === true || t.default === 'key') && t.test),
    };
  }
  return tagsByTest;
}

/** A read document and the offsets of its line starts (what a `LineCounter` holds). */
export interface BlockRead {
  doc: Document.Parsed;
  lineStarts: number[];
}

/**
 * Reads `text` (no BOM) when it is in the subset; `undefined` otherwise, and on any surprise,
 * so that a gap in this reader can only cost time, never a finding.
 */
export function readBlockDocument(text: string): BlockRead | undefined {
  if (text.length === 0 || text.includes('\t') || UNUSUAL_CHARS.test(text)) return undefined;
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  try {
    return { doc: new BlockReader(text, lineStarts).document(), lineStarts };
  } catch {
    return undefined;
  }
}

/** A value read from a line, and the line after its last one. */
interface Read<T> {
  node: T;
  next: number;
}

class BlockReader {
  private readonly doc = new Document(undefined, PARSE_OPTIONS);
  private readonly schema: Schema = this.doc.schema;
  private readonly tags = coreTags(this.schema);
  /** Indentation of the comment lines the last `skip` passed, or -1 when there were none. */
  private gapComments = -1;
  /** Offset of the last empty value read. */
  private lastEmptyValue = -1;

  constructor(
    private readonly text: string,
    private readonly starts: number[],
  ) {}

  document(): Document.Parsed {
    const first = this.skip(0);
    if (first === this.starts.length || this.indent(first) !== 0) throw UNSUPPORTED;
    const root = this.blockMap(first, 0);
    if (root.next !== this.starts.length) throw UNSUPPORTED;
    const end = root.node.range![2];
    // A document that ends in `key:` ends, for `yaml`, before that line's break: left to it.
    if (end === this.lastEmptyValue) throw UNSUPPORTED;
    this.doc.contents = root.node;
    (this.doc as { range?: [number, number, number] }).range = [root.node.range![0], end, this.text.length];
    return this.doc as Document.Parsed;
  }

  // --- lines ---

  /** Offset of the end of `line` (its line break, CR LF or LF, or the end of the text). */
  private lineEnd(line: number): number {
    if (line + 1 === this.starts.length) return this.text.length;
    const lf = this.starts[line + 1]! - 1;
    return this.text.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
  }

  /** Offset just after `line`'s line break: where a value ending on that line ends. */
  private afterLine(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1]! : this.text.length;
  }

  private indent(line: number): number {
    const start = this.starts[line]!;
    return this.skipSpaces(start, this.lineEnd(line)) - start;
  }

  /** True when `line` holds nothing but spaces (`indent` is its indentation, when known). */
  private isBlank(line: number, indent = this.indent(line)): boolean {
    return this.starts[line]! + indent === this.lineEnd(line);
  }

  /**
   * The first content line at or after `line` (not blank, not a comment), or the line count.
   * Comment lines passed on the way must be indented as that line (at the end: not at all),
   * the one place where `yaml` keeps them out of every node's range.
   */
  private skip(line: number): number {
    const { text, starts } = this;
    this.gapComments = -1;
    for (; line < starts.length; line++) {
      const indent = this.indent(line);
      if (this.isBlank(line, indent)) continue;
      if (this.gapComments !== -1 && this.gapComments !== indent) throw UNSUPPORTED;
      if (text.charCodeAt(starts[line]! + indent) !== HASH) return line;
      this.gapComments = indent;
    }
    if (this.gapComments > 0) throw UNSUPPORTED;
    return line;
  }

  // --- block collections ---

  /** A block mapping whose first key starts at column `col` of `line`. */
  private blockMap(line: number, col: number): Read<YAMLMap> {
    const map = new YAMLMap(this.schema);
    const seen = new Set<unknown>();
    const first = this.starts[line]! + col;
    let end = 0;
    for (;;) {
      const keyStart = this.starts[line]! + col;
      const lineEnd = this.lineEnd(line);
      const colon = this.keyColon(keyStart, lineEnd);
      if (colon < 0) throw UNSUPPORTED;
      const key = this.plainScalar(this.text.slice(keyStart, colon), keyStart, colon, colon, true);
      if (seen.has(key.value)) throw UNSUPPORTED;
      seen.add(key.value);

      const p = this.skipSpaces(colon + 1, lineEnd);
      let value: Read<Scalar | YAMLMap | YAMLSeq>;
      if (p < lineEnd) {
        value = this.inlineValue(line, p, col);
      } else {
        value = this.nestedOrEmpty(line, col, p);
      }
      map.items.push(new Pair(key, value.node));
      end = value.node.range![2];

      line = this.skip(value.next);
      if (line === this.starts.length) break;
      const indent = this.indent(line);
      if (indent < col) break;
      if (indent > col || this.isSeqItem(line, indent)) throw UNSUPPORTED;
    }
    map.range = [first, end, end];
    return { node: map, next: line };
  }

  /** The value of a `key:` with nothing after it: a block on the next lines, or null. */
  private nestedOrEmpty(line: number, col: number, lineEnd: number): Read<Scalar | YAMLMap | YAMLSeq> {
    const next = this.skip(line + 1);
    if (next < this.starts.length) {
      const indent = this.indent(next);
      if (indent > col) return this.isSeqItem(next, indent) ? this.blockSeq(next, indent) : this.blockMap(next, indent);
      if (indent === col && this.isSeqItem(next, indent)) return this.blockSeq(next, indent);
    }
    // `key:` and nothing: an empty scalar after the key's trailing spaces. Comments between it
    // and the next key would belong to it in `yaml`; left to the full parser.
    if (this.gapComments !== -1) throw UNSUPPORTED;
    const empty = new Scalar(null);
    empty.range = [lineEnd, lineEnd, lineEnd];
    empty.source = '';
    empty.type = 'PLAIN';
    this.lastEmptyValue = lineEnd;
    return { node: empty, next: line + 1 };
  }

  /** A block sequence whose items start with `-` at column `col`. */
  private blockSeq(line: number, col: number): Read<YAMLSeq> {
    const seq = new YAMLSeq(this.schema);
    const first = this.starts[line]! + col;
    let end = 0;
    for (;;) {
      const lineStart = this.starts[line]!;
      const lineEnd = this.lineEnd(line);
      if (this.text.charCodeAt(lineStart + col + 1) !== SPACE) throw UNSUPPORTED;
      const p = this.skipSpaces(lineStart + col + 1, lineEnd);
      if (p === lineEnd) throw UNSUPPORTED;
      const item = this.keyColon(p, lineEnd) >= 0 ? this.blockMap(line, p - lineStart) : this.inlineValue(line, p, col);
      seq.items.push(item.node);
      end = item.node.range![2];

      line = this.skip(item.next);
      if (line === this.starts.length) break;
      const indent = this.indent(line);
      if (indent < col) break;
      if (indent > col) throw UNSUPPORTED;
      if (!this.isSeqItem(line, indent)) {
        // A sequence at its key's indentation ends here; `yaml` keeps comments at that
        // indentation in the sequence's range unless it is at the top level.
        if (this.gapComments !== -1 && col !== 0) throw UNSUPPORTED;
        break;
      }
    }
    seq.range = [first, end, end];
    return { node: seq, next: line };
  }

  private isSeqItem(line: number, indent: number): boolean {
    const p = this.starts[line]! + indent;
    if (this.text.charCodeAt(p) !== DASH) return false;
    const after = this.text.charCodeAt(p + 1);
    if (after === SPACE) return true;
    if (p + 1 === this.lineEnd(line)) throw UNSUPPORTED; // `-` alone: an item on the next lines
    return false;
  }

  /**
   * Where the `:` of a plain implicit key starting at `start` is (followed by a space or the
   * line end, before any comment), or -1 when this line holds no such key.
   */
  private keyColon(start: number, end: number): number {
    const { text } = this;
    // `...` at the start of a line ends the document.
    if (INDICATORS.has(text[start]!) || text.startsWith('...', start)) return -1;
    for (let p = start; p < end; p++) {
      const c = text.charCodeAt(p);
      if (c === COLON && (p + 1 === end || text.charCodeAt(p + 1) === SPACE)) {
        if (text.charCodeAt(p - 1) === SPACE || p - start > 1024) throw UNSUPPORTED;
        return p;
      }
      if (c === HASH && text.charCodeAt(p - 1) === SPACE) return -1;
    }
    return -1;
  }

  // --- values on a line ---

  /** The value starting at offset `p` of `line`, in a collection whose column is `parent`. */
  private inlineValue(line: number, p: number, parent: number): Read<Scalar | YAMLMap | YAMLSeq> {
    const { text } = this;
    const lineEnd = this.lineEnd(line);
    const c = text[p]!;
    if (c === '|' || c === '>') return this.blockScalar(line, p, parent);
    let node: Scalar | YAMLMap | YAMLSeq;
    let end: number;
    if (c === '"' || c === "'") {
      const q = this.quoted(p, lineEnd);
      node = q.node;
      end = q.next;
    } else if (c === '[' || c === '{') {
      const f = this.flowCollection(p, lineEnd);
      node = f.node;
      end = f.next;
    } else {
      if (INDICATORS.has(c) && !(c === '-' && p + 1 < lineEnd && text.charCodeAt(p + 1) !== SPACE)) throw UNSUPPORTED;
      let stop = p;
      while (stop < lineEnd && !(text.charCodeAt(stop) === HASH && text.charCodeAt(stop - 1) === SPACE)) stop++;
      const valueEnd = trimEnd(text, p, stop);
      const source = text.slice(p, valueEnd);
      if (source.includes(': ') || source.endsWith(':')) throw UNSUPPORTED;
      const scalar = this.plainScalar(source, p, valueEnd, this.afterLine(line), false);
      return { node: scalar, next: line + 1 };
    }
    // After a quoted scalar or a flow collection: spaces, then a comment or the line end.
    const q = this.skipSpaces(end, lineEnd);
    if (q < lineEnd && !(text.charCodeAt(q) === HASH && q > end)) throw UNSUPPORTED;
    node.range![2] = this.afterLine(line);
    return { node, next: line + 1 };
  }

  /** A plain scalar resolved as the core schema resolves it (`yaml`'s own tags). */
  private plainScalar(source: string, start: number, valueEnd: number, end: number, atKey: boolean): Scalar {
    const tags = atKey ? this.tags.keys : this.tags.values;
    let scalar: Scalar | undefined;
    for (const tag of tags) {
      if (!tag.test!.test(source)) continue;
      let failed = false;
      const value = tag.resolve(source, () => (failed = true), this.doc.options);
      if (failed) throw UNSUPPORTED;
      scalar = value instanceof Scalar ? value : new Scalar(value);
      if (tag.format) scalar.format = tag.format;
      break;
    }
    scalar ??= new Scalar(source);
    scalar.range = [start, valueEnd, end];
    scalar.source = source;
    scalar.type = 'PLAIN';
    return scalar;
  }

  /** A quoted scalar that closes on its line; `next` is the offset after the closing quote. */
  private quoted(p: number, lineEnd: number): { node: Scalar; next: number } {
    const { text } = this;
    const quote = text[p]!;
    let value = '';
    let from = p + 1;
    let i = from;
    for (;;) {
      if (i >= lineEnd) throw UNSUPPORTED;
      const c = text[i]!;
      if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") {
          value += text.slice(from, i + 1);
          i += 2;
          from = i;
          continue;
        }
        break;
      }
      if (c === '\\' && quote === '"') {
        value += text.slice(from, i);
        const e = text[i + 1]!;
        if (e === 'x' || e === 'u') {
          const length = e === 'x' ? 2 : 4;
          const hex = text.slice(i + 2, i + 2 + length);
          if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== length) throw UNSUPPORTED;
          value += String.fromCodePoint(parseInt(hex, 16));
          i += 2 + length;
        } else {
          const decoded = DOUBLE_QUOTE_ESCAPES[e];
          if (decoded === undefined) throw UNSUPPORTED;
          value += decoded;
          i += 2;
        }
        from = i;
        continue;
      }
      i++;
    }
    value += text.slice(from, i);
    const node = new Scalar(value);
    node.range = [p, i + 1, i + 1];
    node.source = value;
    node.type = quote === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
    return { node, next: i + 1 };
  }

  /**
   * `|` or `>` (optionally with `-`) at offset `p` of `line`, its content on the lines below,
   * indented deeper than `parent`. Ends after the line break of its last non-empty line.
   */
  private blockScalar(line: number, p: number, parent: number): Read<Scalar> {
    const { text } = this;
    const folded = text[p] === '>';
    const lineEnd = this.lineEnd(line);
    const strip = text[p + 1] === '-';
    if (this.skipSpaces(strip ? p + 2 : p + 1, lineEnd) !== lineEnd) throw UNSUPPORTED; // keep, indentation indicator or header comment

    const first = line + 1;
    if (first >= this.starts.length || this.isBlank(first)) throw UNSUPPORTED;
    const indent = this.indent(first);
    if (indent <= parent) throw UNSUPPORTED;

    // One entry per line, '' for an empty one; empty lines after the last content line are not
    // part of the scalar (nor of its range) with these chomping indicators.
    const lines: string[] = [];
    let last = first;
    for (let l = first; l < this.starts.length; l++) {
      const ind = this.indent(l);
      if (this.isBlank(l, ind)) {
        if (ind > indent) throw UNSUPPORTED; // spaces beyond the indentation are content
        lines.push('');
        continue;
      }
      if (ind < indent) break;
      if (ind > indent && folded) throw UNSUPPORTED;
      lines.push(text.slice(this.starts[l]! + indent, this.lineEnd(l)));
      last = l;
    }
    lines.length = last - first + 1;
    if (last + 1 === this.starts.length) throw UNSUPPORTED; // no line break after the last line

    let value: string;
    if (folded) {
      value = lines[0]!;
      let breaks = 0;
      for (let i = 1; i < lines.length; i++) {
        if (lines[i] === '') breaks++;
        else {
          value += breaks === 0 ? ' ' : '\n'.repeat(breaks);
          value += lines[i];
          breaks = 0;
        }
      }
    } else {
      value = lines.join('\n');
    }
    if (!strip) value += '\n';
    const node = new Scalar(value);
    const end = this.starts[last + 1]!;
    node.range = [p, end, end];
    node.source = value;
    node.type = folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
    return { node, next: last + 1 };
  }

  // --- flow collections on one line ---

  /** `[...]` or `{...}` at `p`, closed on the same line; `next` is the offset after it. */
  private flowCollection(p: number, lineEnd: number): { node: YAMLMap | YAMLSeq; next: number } {
    const { text } = this;
    const isMap = text[p] === '{';
    const close = isMap ? '}' : ']';
    const node = isMap ? new YAMLMap(this.schema) : new YAMLSeq(this.schema);
    node.flow = true;
    const seen = new Set<unknown>();
    let i = this.skipSpaces(p + 1, lineEnd);
    if (text[i] !== close) {
      for (;;) {
        let entry: { node: Scalar | YAMLMap | YAMLSeq; next: number };
        if (isMap) {
          const keyEnd = this.flowPlainEnd(i, lineEnd);
          if (text[keyEnd] !== ':' || text.charCodeAt(keyEnd + 1) !== SPACE || keyEnd === i || text.charCodeAt(keyEnd - 1) === SPACE) throw UNSUPPORTED;
          const key = this.plainScalar(text.slice(i, keyEnd), i, keyEnd, keyEnd, true);
          if (seen.has(key.value)) throw UNSUPPORTED;
          seen.add(key.value);
          const v = this.skipSpaces(keyEnd + 1, lineEnd);
          entry = this.flowNode(v, lineEnd);
          (node as YAMLMap).items.push(new Pair(key, entry.node));
        } else {
          entry = this.flowNode(i, lineEnd);
          (node as YAMLSeq).items.push(entry.node);
        }
        i = this.skipSpaces(entry.next, lineEnd);
        entry.node.range![2] = i;
        if (text[i] === close) break;
        if (text[i] !== ',') throw UNSUPPORTED;
        i = this.skipSpaces(i + 1, lineEnd);
        if (text[i] === close) throw UNSUPPORTED; // a trailing comma
      }
    }
    node.range = [p, i + 1, i + 1];
    return { node, next: i + 1 };
  }

  private flowNode(p: number, lineEnd: number): { node: Scalar | YAMLMap | YAMLSeq; next: number } {
    const c = this.text[p];
    if (c === '"' || c === "'") return this.quoted(p, lineEnd);
    if (c === '[' || c === '{') return this.flowCollection(p, lineEnd);
    const end = this.flowPlainEnd(p, lineEnd);
    if (end === p || (this.text[end] !== ',' && this.text[end] !== ']' && this.text[end] !== '}')) throw UNSUPPORTED;
    const valueEnd = trimEnd(this.text, p, end);
    return { node: this.plainScalar(this.text.slice(p, valueEnd), p, valueEnd, valueEnd, false), next: valueEnd };
  }

  /** Where a plain scalar in a flow collection stops (before its trailing spaces' end). */
  private flowPlainEnd(p: number, lineEnd: number): number {
    const { text } = this;
    const c = text[p];
    if (c === undefined || (INDICATORS.has(c) && !(c === '-' && /[0-9]/.test(text[p + 1] ?? '')))) throw UNSUPPORTED;
    let i = p;
    while (i < lineEnd && !FLOW_STOP.has(text[i]!)) i++;
    if (i === lineEnd || text[i] === '#' || text[i] === '[' || text[i] === '{') throw UNSUPPORTED;
    return i;
  }

  private skipSpaces(p: number, lineEnd: number): number {
    while (p < lineEnd && this.text.charCodeAt(p) === SPACE) p++;
    return p;
  }
}
