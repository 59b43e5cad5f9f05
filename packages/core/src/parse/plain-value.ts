/**
 * Parse step, helper: the document as plain JavaScript values, for the schema and the rules.
 * Gives what `doc.toJS()` gives, in one pass without its per-node context (anchor bookkeeping,
 * reviver arguments, key stringification through the document's options), which cost a check
 * about as much as the schema step. Documents this pass does not cover (aliases, or any node
 * other than plain maps, sequences and scalars with primitive values) go through `toJS`.
 */
import { Scalar, YAMLMap, YAMLSeq, type Document } from 'yaml';

/** Marks a node this pass leaves to `toJS`. */
const NOT_PLAIN = Symbol('not plain');

/** `doc.toJS({ maxAliasCount })`, faster for the documents plans are. Throws as `toJS` does. */
export function plainValue(doc: Document.Parsed, maxAliasCount: number): unknown {
  const value = doc.contents === null ? null : convert(doc.contents);
  return value === NOT_PLAIN ? doc.toJS({ maxAliasCount }) : value;
}

function convert(node: unknown): unknown {
  if (node === null || typeof node !== 'object') return NOT_PLAIN;
  const proto = Object.getPrototypeOf(node);
  if (proto === Scalar.prototype) {
    const v = (node as Scalar).value;
    return v !== null && typeof v === 'object' ? NOT_PLAIN : typeof v === 'bigint' ? Number(v) : v;
  }
  if (proto === YAMLMap.prototype) {
    const out: Record<string, unknown> = {};
    for (const pair of (node as YAMLMap).items) {
      const key = pair.key === null ? '' : keyText(pair.key);
      if (key === NOT_PLAIN) return NOT_PLAIN;
      // `key:` with no value is null; a missing value node is null too in toJS.
      const value = pair.value === null ? null : convert(pair.value);
      if (value === NOT_PLAIN) return NOT_PLAIN;
      // As toJS: a key that names an inherited property ("__proto__", "toString") becomes an
      // own property instead of reaching the prototype.
      if (key in out) Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
      else out[key] = value;
    }
    return out;
  }
  if (proto === YAMLSeq.prototype) {
    const items = (node as YAMLSeq).items;
    const out: unknown[] = new Array(items.length);
    for (let i = 0; i < items.length; i++) {
      const value = items[i] === null ? null : convert(items[i]);
      if (value === NOT_PLAIN) return NOT_PLAIN;
      out[i] = value;
    }
    return out;
  }
  return NOT_PLAIN;
}

/** A map key as toJS writes it into an object: scalar keys as text, null as ''. */
function keyText(key: unknown): string | typeof NOT_PLAIN {
  if (key === null || typeof key !== 'object' || Object.getPrototypeOf(key) !== Scalar.prototype) return NOT_PLAIN;
  const v = (key as Scalar).value;
  if (v === null) return '';
  return typeof v === 'object' ? NOT_PLAIN : String(v);
}
