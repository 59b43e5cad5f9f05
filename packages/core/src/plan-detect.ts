/**
 * Plan detection: a YAML file is a plan file when its top level has an `apiVersion` that starts
 * with `laatuvahti/` (docs/plan-format.md). Decided by content, never by file name.
 */
import { isMap, isScalar, parseDocument } from 'yaml';

const QUICK_RE = /^\uFEFF?apiVersion[ \t]*:[ \t]*["']?laatuvahti\//m;

/**
 * True when the text is a plan file. A top-level `apiVersion: laatuvahti/...` line decides
 * at once; otherwise (flow style, odd quoting) the text is parsed to be sure.
 */
export function isPlanText(text: string): boolean {
  if (QUICK_RE.test(text)) return true;
  if (!text.includes('laatuvahti/')) return false;
  try {
    // uniqueKeys off: detection needs no duplicate check, and yaml's compares every pair of keys.
    const root = parseDocument(text, { prettyErrors: false, logLevel: 'silent', uniqueKeys: false }).contents;
    if (!isMap(root)) return false;
    const api = root.items.find((p) => isScalar(p.key) && p.key.value === 'apiVersion')?.value;
    return isScalar(api) && typeof api.value === 'string' && api.value.startsWith('laatuvahti/');
  } catch {
    return false;
  }
}
