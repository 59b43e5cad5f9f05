/**
 * A per-version cache of parsed text for hover, completion, code actions and symbols, so a
 * burst of requests on one version parses it once (and diagnostics never wait for it).
 */
import { parseText, type ParsedText } from '@laatuvahti/core';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** Parsed documents by URI, each valid for exactly one version. */
export class ParsedDocuments {
  private readonly cache = new Map<string, { version: number; parsed: ParsedText }>();

  /** The parsed text of the document's current version. */
  get(doc: TextDocument): ParsedText {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.parsed;
    const parsed = parseText(doc.getText());
    this.cache.set(doc.uri, { version: doc.version, parsed });
    return parsed;
  }

  /** Forgets a closed document. */
  delete(uri: string): void {
    this.cache.delete(uri);
  }
}
