/**
 * Bundling stand-in for `jsonpath-plus`. json-rules-engine imports it for its default path
 * resolver, which Laatuvahti never uses (compilePack always passes its own plain resolver), so
 * the CLI and server bundles replace it with this module: less to load at start-up, and no
 * JSONPath evaluation (the library behind CVE-2024-21534) anywhere in the shipped code.
 */
export function JSONPath(): never {
  throw new Error('JSONPath is not available: Laatuvahti resolves rule paths with its own resolver');
}
