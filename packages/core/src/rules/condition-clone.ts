/**
 * Bundling stand-in for the `clone` package inside json-rules-engine. The engine deep-copies
 * every rule's condition tree, event, priority and name on every run (RuleResult); the generic
 * `clone` package does that with circular-reference bookkeeping and type probes that cost more
 * than evaluating the small trees themselves (about a quarter of the YAML parse time on a
 * 1,000-line plan). These trees are plain data and json-rules-engine Condition objects, so a
 * copy that keeps prototypes and own enumerable properties is the same copy, several times
 * cheaper. A circular reference is still copied once, as `clone` does; a value shared by two
 * branches (not a cycle) is copied into each, which the engine never tells apart.
 */
export default function cloneCondition<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  return copy(value, [], []) as T;
}

/**
 * Copies `value`; `originals` and `copies` hold the objects on the path from the root, so a
 * circular reference (possible through YAML aliases in a rule's values) is copied once.
 */
function copy(value: unknown, originals: object[], copies: unknown[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  const onPath = originals.indexOf(value);
  if (onPath !== -1) return copies[onPath];
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof RegExp) return new RegExp(value.source, value.flags);
  let out: unknown[] | Record<string, unknown> | Map<unknown, unknown> | Set<unknown>;
  if (Array.isArray(value)) out = new Array(value.length);
  else if (value instanceof Map) out = new Map();
  else if (value instanceof Set) out = new Set();
  else out = Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>;
  originals.push(value);
  copies.push(out);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) (out as unknown[])[i] = copy(value[i], originals, copies);
  } else if (value instanceof Map) {
    // Never part of rule data; copied to stay correct if it ever is.
    for (const [k, v] of value) (out as Map<unknown, unknown>).set(k, copy(v, originals, copies));
  } else if (value instanceof Set) {
    for (const v of value) (out as Set<unknown>).add(copy(v, originals, copies));
  } else {
    for (const key of Object.keys(value)) (out as Record<string, unknown>)[key] = copy((value as Record<string, unknown>)[key], originals, copies);
  }
  originals.pop();
  copies.pop();
  return out;
}
