/**
 * CLI, output helper: file paths as users see them: relative to the working folder when inside
 * it, with forward slashes on every platform (SARIF, GitHub and JUnit expect them).
 */
import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `file` relative to `cwd` (absolute when outside it), with forward slashes. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  const shown = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
  return sep === '/' ? shown : shown.split(sep).join('/');
}

/** Like `displayPath` for a `file:` URI (other URIs are returned as they are). */
export function displayUri(uri: string, cwd: string): string {
  return uri.startsWith('file:') ? displayPath(fileURLToPath(uri), cwd) : uri;
}
