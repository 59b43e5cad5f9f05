/**
 * Documents, the editor's edits applied: `TextDocument` from vscode-languageserver-textdocument,
 * with every incremental change's range clamped to the document first. The library clamps the
 * offsets it cuts the text at, but updates its line index from the range's line numbers as
 * given: an edit "at line 10" of a 4-line document leaves holes in that index, and the next edit
 * inside the text then lands at an undefined offset (the text is doubled, the next check sees a
 * document the editor never had). The LSP does not say what a range past the end means; this is
 * what VS Code does with one: it ends at the end of the document, or of its line.
 */
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument, type Position, type Range, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/** The `TextDocuments` configuration of the server: create as usual, update with clamped ranges. */
export const clampedTextDocument: TextDocumentsConfiguration<TextDocument> = {
  create: TextDocument.create,
  update(document, changes, version) {
    // One change at a time: each range refers to the text as the changes before it left it.
    for (const change of changes) TextDocument.update(document, [clampChange(document, change)], version);
    return document;
  },
};

function clampChange(document: TextDocument, change: TextDocumentContentChangeEvent): TextDocumentContentChangeEvent {
  if (!('range' in change) || !change.range) return change;
  return { range: clampRange(document, change.range), text: change.text };
}

function clampRange(document: TextDocument, range: Range): Range {
  return { start: clampPosition(document, range.start), end: clampPosition(document, range.end) };
}

/** The position as the document has it: past a line's end -> that end, past the last line -> the end. */
function clampPosition(document: TextDocument, position: Position): Position {
  // A client may send anything; a position that is not a pair of numbers counts as the start.
  const line = Number.isFinite(position?.line) ? Math.max(0, Math.floor(position.line)) : 0;
  const character = Number.isFinite(position?.character) ? Math.max(0, Math.floor(position.character)) : 0;
  return document.positionAt(document.offsetAt({ line, character }));
}
