/**
 * Path -> range, the last step of the flow. Rules and schema issues speak in data paths; this
 * module finds the node a path names in the parsed document. A path that does not exist falls
 * back to the key token of its nearest existing parent, so a missing key is shown where it
 * belongs, never on line 1 of the file unless the document itself is at fault.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { ParsedText } from './parse-text.js';
import type { DataPath } from '../types.js';

/** Offsets of a located path. */
export interface Location {
  start: number;
  end: number;
  /** True when the whole path exists; false when this is the nearest parent's key. */
  exact: boolean;
  /** How many leading segments of the path exist. */
  depth: number;
}

/** Which part of an existing key/value pair a finding should point at. */
export type Anchor = 'value' | 'key';

type AnyNode = Node | Pair | null | undefined;

/**
 * The pairs of each mapping by key, built the first time a path steps into that mapping. A
 * check locates every finding: with a search through the pairs each time, 100,000 unknown keys
 * under one mapping cost 100,000² key comparisons (minutes); with the index, one pass. Parsed
 * documents are never changed afterwards, so the index never goes stale.
 */
export class KeyIndex {
  private readonly byMap = new WeakMap<YAMLMap, Map<string, Pair>>();

  /** The first pair whose scalar key reads `segment` (as `String` of its value). */
  pair(map: YAMLMap, segment: string | number): Pair | undefined {
    let pairs = this.byMap.get(map);
    if (!pairs) {
      pairs = new Map();
      for (const p of map.items) {
        // The first of duplicate keys wins, as a search would find it (duplicates are errors).
        if (isScalar(p.key)) {
          const k = String(p.key.value);
          if (!pairs.has(k)) pairs.set(k, p as Pair);
        }
      }
      this.byMap.set(map, pairs);
    }
    return pairs.get(String(segment));
  }
}

/** Offsets of the token that stands for the whole document: its `kind` key, else its start. */
function documentAnchor(doc: Document.Parsed, index: KeyIndex): Location {
  const root = doc.contents;
  if (isMap(root)) {
    const kind = index.pair(root, 'kind');
    const key = (kind ?? root.items[0])?.key as Node | undefined;
    if (key?.range) return { start: key.range[0], end: key.range[1], exact: false, depth: 0 };
  }
  const r = root?.range;
  if (r) return { start: r[0], end: Math.min(r[1], r[0] + 1), exact: false, depth: 0 };
  return { start: 0, end: 0, exact: false, depth: 0 };
}

/**
 * Finds the offsets of `path` in `doc`. For an existing path the value node is returned (or the
 * key when `anchor` is 'key' or the value is empty); for a missing one, the nearest parent.
 */
export function locatePath(parsed: ParsedText, path: DataPath, anchor: Anchor = 'value'): Location {
  const { doc, text } = parsed;
  // Texts parsed by parseText carry their index; a hand-made ParsedText gets a fresh one.
  const index = parsed.keyIndex ?? new KeyIndex();
  // The empty path is the document itself: point at its `kind` line, not at the whole file.
  if (path.length === 0) return documentAnchor(doc, index);
  let node: AnyNode = doc.contents;
  let key: Node | null = null;
  let depth = 0;
  for (const segment of path) {
    let next: AnyNode;
    let nextKey: Node | null = null;
    if (isMap(node)) {
      const pair = index.pair(node, segment);
      if (!pair) break;
      next = pair.value as AnyNode;
      nextKey = pair.key as Node;
      if (next == null) {
        // `key:` with no value: the key exists, its value does not.
        depth++;
        key = nextKey;
        node = null;
        if (depth < path.length) break;
        return { start: key.range![0], end: key.range![1], exact: true, depth };
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment] as AnyNode;
      if (next == null) break;
    } else {
      break;
    }
    node = next;
    key = nextKey;
    depth++;
  }
  const exact = depth === path.length;
  if (exact) {
    // `key:` with nothing after it parses as a null scalar of zero width: show the key instead.
    const empty = isScalar(node) && node.value === null && node.range && node.range[0] === node.range[1];
    const target = (anchor === 'key' || empty) && key ? key : (node as Node | null);
    const range = (target as Node | null)?.range ?? key?.range;
    if (range) return { start: range[0], end: trimEnd(text, range[0], range[1]), exact, depth };
  }
  if (key?.range) return { start: key.range[0], end: key.range[1], exact, depth };
  if (depth > 0 && node && !isPair(node) && (node as Node).range) {
    // The nearest parent is a list item: it has no key token, so the item itself stands for it.
    const r = (node as Node).range!;
    return { start: r[0], end: trimEnd(text, r[0], r[1]), exact, depth };
  }
  return { ...documentAnchor(doc, index), exact: false, depth };
}

/** Block collections end after their last line break; a range should end on the last character. */
export function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
  return e;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
