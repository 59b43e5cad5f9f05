/**
 * Command step (rule documentation, compliance report): read-only virtual Markdown documents
 * (`laatuvahti:/rule/<locale>/<rule-id>.md`, `laatuvahti:/report/<locale>/<file>.md`) holding
 * what the server sent, so that VS Code's built-in Markdown preview renders them without an
 * untitled buffer to save or discard.
 */
import * as vscode from 'vscode';

/** The URI scheme of the documents. */
export const MARKDOWN_SCHEME = 'laatuvahti';

/** Serves Markdown that the server has sent. */
export class MarkdownDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a document's text was replaced (a second look after an edit or a locale change). */
  readonly onDidChange = this.changed.event;

  /** Stores a document under the path of `segments` (the last names its tab) and returns the URI to open. */
  put(segments: readonly string[], markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: MARKDOWN_SCHEME, path: `/${segments.join('/')}.md` });
    const key = uri.toString();
    const previous = this.texts.get(key);
    this.texts.set(key, markdown);
    if (previous !== undefined && previous !== markdown) this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
  }
}
