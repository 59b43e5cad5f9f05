/**
 * Documentation links of the built-in diagnostics.
 */
export const BUILTIN_DOCS_BASE = 'https://github.com/laatuvahti/laatuvahti/blob/main/docs/built-in-rules.md';

/** The docs link of a built-in rule. */
export function builtinDocsUrl(ruleId: string): string {
  return `${BUILTIN_DOCS_BASE}#${ruleId}`;
}
