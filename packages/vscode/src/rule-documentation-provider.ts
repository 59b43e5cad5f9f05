/**
 * Command step ("Show rule documentation"): read-only virtual Markdown documents
 * (`laatuvahti-rule:/<locale>/<rule-id>.md`) holding the server's rule documentation, so that
 * VS Code's built-in Markdown preview renders them without an untitled buffer to save or discard.
 */
import * as vscode from 'vscode';
import type { UiLocale } from './resolve-locale.js';

/** The URI scheme of rule documentation documents. */
export const RULE_DOC_SCHEME = 'laatuvahti-rule';

/** Serves rule documentation that the server has sent. */
export class RuleDocumentationProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a document's text was replaced (a second look after a locale change). */
  readonly onDidChange = this.changed.event;

  /** Stores a rule's documentation and returns the URI to open. */
  put(ruleId: string, locale: UiLocale, markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: RULE_DOC_SCHEME, path: `/${locale}/${ruleId}.md` });
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
