/**
 * Command step, decisions of "Import plan from Word/Markdown/text" that need no editor: which
 * files it imports and where the draft goes (next to the source, as `laatuvahti import` does).
 */

/** The source types the importer reads, by extension (lower case, with the dot). */
export const IMPORT_EXTENSIONS: readonly string[] = ['.docx', '.md', '.markdown', '.txt'];

/** Whether the file at `path` is one the importer reads. */
export function isImportSource(path: string): boolean {
  const dot = path.lastIndexOf('.');
  return dot > Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) && IMPORT_EXTENSIONS.includes(path.slice(dot).toLowerCase());
}

/** The draft's path: the source's with `.yaml` (`C:\\suunnitelmat\\Kotikallio.docx` -> `...\\Kotikallio.yaml`). */
export function draftPathFor(sourcePath: string): string {
  return isImportSource(sourcePath) ? `${sourcePath.slice(0, sourcePath.lastIndexOf('.'))}.yaml` : `${sourcePath}.yaml`;
}
