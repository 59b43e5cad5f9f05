/**
 * Status bar step: whether a YAML text is a plan file by the format's own definition (a top-level
 * `apiVersion` starting with `laatuvahti/`, docs/plan-format.md). Used only to decide whether
 * the status item shows; which files are checked is the language server's decision.
 */

// Block style at the start of a line, as every skeleton and example writes it. A flow-style plan
// is still checked by the server; the item then appears once the server reports a finding.
// A JSON plan's header is a quoted key, usually indented (`  "apiVersion": "laatuvahti/v1"`).
const PLAN_HEADER_RE = /^\uFEFF?(?:apiVersion|[ \t{]*"apiVersion")[ \t]*:[ \t]*["']?laatuvahti\//m;

/** True when the text starts a Laatuvahti plan. */
export function looksLikePlan(text: string): boolean {
  return PLAN_HEADER_RE.test(text);
}
