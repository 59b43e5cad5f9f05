/**
 * Document symbols: the plan's sections as an outline (section -> fields -> list items named
 * by their `name`, `id`, `title` or `from`), so editors can show and jump to them. Names are
 * the plan's own words, so they leave masked like every output.
 */
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { rangeOf, redactPersonalIds, type Locale, type ParsedText, type PathSegment, type PlanKind } from '@laatuvahti/core/internal';
import { fieldDescription, fieldSchema } from './field-info.js';
import { pairEnd } from './yaml-nodes.js';

const MAX_DEPTH = 3;
/**
 * An outline lists at most this many items of a list. A plan's lists hold tens of items; an
 * outline of thousands helps nobody find a place, and costs the server: the 10.6 MB plan of
 * bench/big-plan-memory.mjs gave 103,847 symbols (24 MB of JSON), 135 MB of the server's peak.
 */
export const MAX_LIST_SYMBOLS = 1000;
const ITEM_NAMES = ['name', 'id', 'title', 'from', 'item', 'date'];

/** The outline of a plan. */
export function provideDocumentSymbols(parsed: ParsedText, kind: PlanKind | undefined, locale: Locale): DocumentSymbol[] {
  const root = parsed.doc.contents;
  if (!isMap(root)) return [];
  return root.items.flatMap((p) => pairSymbol(parsed, p, [], kind, locale, 1));
}

function pairSymbol(parsed: ParsedText, pair: Pair, parent: PathSegment[], kind: PlanKind | undefined, locale: Locale, depth: number): DocumentSymbol[] {
  const key = pair.key as Node | null;
  if (!isScalar(key) || !key.range) return [];
  const name = String(key.value);
  const path = [...parent, name];
  const value = pair.value as Node | null;
  const description = kind ? fieldDescription(fieldSchema(kind, path), locale) : undefined;
  const symbol: DocumentSymbol = {
    // A key may be anything a person typed, an identity code too: masked like every output.
    name: redactPersonalIds(name),
    kind: isMap(value) ? SymbolKind.Namespace : isSeq(value) ? SymbolKind.Array : SymbolKind.Property,
    range: rangeOf(parsed.lineCounter, key.range[0], pairEnd(parsed, pair)),
    selectionRange: rangeOf(parsed.lineCounter, key.range[0], key.range[1]),
    ...(description ? { detail: description } : {}),
  };
  if (depth < MAX_DEPTH) {
    if (isMap(value)) symbol.children = value.items.flatMap((p) => pairSymbol(parsed, p, path, kind, locale, depth + 1));
    else if (isSeq(value)) symbol.children = value.items.slice(0, MAX_LIST_SYMBOLS).flatMap((item, i) => itemSymbol(parsed, item as Node, [...path, i], kind, locale, depth + 1));
  }
  return [symbol];
}

function itemSymbol(parsed: ParsedText, item: Node | null, path: PathSegment[], kind: PlanKind | undefined, locale: Locale, depth: number): DocumentSymbol[] {
  if (!item?.range) return [];
  let label = `[${path[path.length - 1]}]`;
  if (isMap(item)) {
    for (const k of ITEM_NAMES) {
      const v = item.get(k, true);
      if (isScalar(v) && v.value !== null && v.value !== '') {
        label = String(v.value);
        break;
      }
    }
  } else if (isScalar(item)) {
    label = String(item.value);
  }
  let end = item.range[1];
  while (end > item.range[0] && /\s/.test(parsed.text[end - 1]!)) end--;
  const range = rangeOf(parsed.lineCounter, item.range[0], end);
  // The outline is an output like any other: no identity code in full.
  const symbol: DocumentSymbol = { name: redactPersonalIds(label), kind: isMap(item) ? SymbolKind.Object : SymbolKind.String, range, selectionRange: range };
  if (isMap(item) && depth < MAX_DEPTH) symbol.children = item.items.flatMap((p) => pairSymbol(parsed, p, path, kind, locale, depth + 1));
  return [symbol];
}
