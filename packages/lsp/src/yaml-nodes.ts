/**
 * Finding things in a parsed document for editor features: the key or value under the cursor
 * (as a data path), where a pair ends, and whether a line lies inside a multi-line scalar.
 * Offsets stay the `yaml` package's character offsets until the caller converts them.
 */
import { isMap, isScalar, isSeq, visit, type Node, type Pair, type YAMLMap } from 'yaml';
import type { DataPath, ParsedText, PathSegment } from '@laatuvahti/core/internal';

/** The node under an offset. */
export interface NodeAtOffset {
  /** Data path of the key or value under the offset. */
  path: DataPath;
  /** Whether the offset is on the key token or inside the value. */
  on: 'key' | 'value';
}

/** The deepest key or value whose range contains `offset` ([start, end] inclusive at the end). */
export function nodeAt(parsed: ParsedText, offset: number): NodeAtOffset | undefined {
  let node: unknown = parsed.doc.contents;
  const path: PathSegment[] = [];
  let found: NodeAtOffset | undefined;
  for (let guard = 0; guard < 1000 && node; guard++) {
    if (isMap(node)) {
      const pair = node.items.find((p) => contains(p.key as Node, offset) || contains(p.value as Node, offset));
      if (!pair || !isScalar(pair.key)) return found;
      path.push(pair.key.value as PathSegment);
      if (contains(pair.key as Node, offset)) return { path: [...path], on: 'key' };
      found = { path: [...path], on: 'value' };
      node = pair.value;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((item) => contains(item as Node, offset));
      if (i === -1) return found;
      path.push(i);
      found = { path: [...path], on: 'value' };
      node = node.items[i];
    } else {
      return found;
    }
  }
  return found;
}

function contains(node: Node | null | undefined, offset: number): boolean {
  const r = node?.range;
  return !!r && r[0] <= offset && offset <= r[1];
}

/** The offset just after the last non-space character of a pair (its value, or its key). */
export function pairEnd(parsed: ParsedText, pair: Pair): number {
  const valueRange = (pair.value as Node | null)?.range;
  const keyRange = (pair.key as Node | null)?.range;
  const end = valueRange ? valueRange[1] : keyRange ? keyRange[1] : 0;
  let e = end;
  while (e > 0 && /\s/.test(parsed.text[e - 1]!)) e--;
  return Math.max(e, keyRange?.[1] ?? 0);
}

/** The offset of the start of the line after the one containing `offset` (text length at EOF). */
export function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

/** The offset of the start of the line containing `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The mapping at `path` (the root mapping for []), if the path names one. */
export function mapAt(parsed: ParsedText, path: DataPath): YAMLMap | undefined {
  const node = path.length === 0 ? parsed.doc.contents : parsed.doc.getIn(path, true);
  return isMap(node) ? node : undefined;
}

/**
 * True when `offset` lies inside a scalar that spans lines (a block scalar's body, a
 * multi-line quoted or plain scalar): a comment line inserted there would become text.
 */
export function insideMultilineScalar(parsed: ParsedText, offset: number): boolean {
  let inside = false;
  visit(parsed.doc, {
    Scalar(_key, node) {
      const r = node.range;
      if (r && r[0] < offset && offset < r[1]) {
        // A block scalar's range starts at its indicator: its body lines are all inside it.
        inside = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return inside;
}
