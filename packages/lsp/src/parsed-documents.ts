/**
 * A per-version cache of parsed text for hover, code actions and symbols, so a
 * burst of requests on one version parses it once (and diagnostics never wait for it).
 */
import { parsePlanText, type ParsedText } from '@laatuvahti/core/internal';
import type { TextDocument } from 'vscode-languageserver-textdocument';

// Requests cluster on the documents being edited; a parse tree is many times its text, so only
// the most recently used few are kept (fifty open plans must not hold fifty trees).
const MAX_ENTRIES = 4;

/** Parsed documents by URI, each valid for exactly one version. */
export class ParsedDocuments {
  private readonly cache = new Map<string, { version: number; parsed: ParsedText }>();

  /** The parsed text of the document's current version. */
  get(doc: TextDocument): ParsedText {
    const hit = this.cache.get(doc.uri);
    this.cache.delete(doc.uri); // re-inserted below: Map order is recency order
    if (hit && hit.version === doc.version) {
      this.cache.set(doc.uri, hit);
      return hit.parsed;
    }
    // The check's own parse: the block reader for plans in the plain block style (the same nodes
    // and offsets as `yaml`'s, without comments, which no feature here reads), `yaml` otherwise.
    // On a 10.6 MB plan `yaml`'s parse peaked at 424 MB RSS in a bare process (the block
    // reader: 216 MB); in the server, open + outline + hover went from 709 MB to the figure in
    // bench/big-plan-memory.mjs's header.
    const parsed = parsePlanText(doc.getText());
    this.cache.set(doc.uri, { version: doc.version, parsed });
    for (const uri of this.cache.keys()) {
      if (this.cache.size <= MAX_ENTRIES) break;
      this.cache.delete(uri);
    }
    return parsed;
  }

  /** Forgets a closed document. */
  delete(uri: string): void {
    this.cache.delete(uri);
  }
}
