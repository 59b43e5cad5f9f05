/**
 * CLI, output helper: file paths as users see them, by core's `displayPath` (the language
 * server shows paths the same way): relative to the working folder when inside it, with forward
 * slashes on every platform.
 */
import { fileURLToPath } from 'node:url';
import { displayPath } from '@laatuvahti/core/internal/node';

export { displayPath };

/** Like `displayPath` for a `file:` URI (other URIs are returned as they are). */
export function displayUri(uri: string, cwd: string): string {
  return uri.startsWith('file:') ? displayPath(fileURLToPath(uri), cwd) : uri;
}
