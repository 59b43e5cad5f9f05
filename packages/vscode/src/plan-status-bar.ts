/**
 * Status bar step: one item for the active plan ("checked: no findings" / "N errors,
 * M warnings") that opens the Problems panel. Fed by the server's diagnostics; what it shows is
 * computed by compute-status.ts.
 */
import * as vscode from 'vscode';
import { SHOW_PROBLEMS } from './command-ids.js';
import { computeStatus, countFindings } from './compute-status.js';
import { looksLikePlan } from './looks-like-plan.js';
import type { UiLocale } from './resolve-locale.js';
import { DIAGNOSTIC_SOURCE } from './rule-ids-at-position.js';

/** The Laatuvahti status bar item and the bookkeeping behind it. */
export class PlanStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  /** Documents the server has published diagnostics for since they were opened. */
  private readonly checked = new Set<string>();
  /** Documents the server said the configs' `ignores` leave out. */
  private readonly ignored = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly locale: () => UiLocale) {
    this.item = vscode.window.createStatusBarItem('laatuvahti.status', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Laatuvahti';
    this.item.command = SHOW_PROBLEMS;
    this.subscriptions.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.update();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.update();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.checked.delete(d.uri.toString());
        this.ignored.delete(d.uri.toString());
      }),
    );
    this.update();
  }

  /** Records that the server has checked a document. */
  markChecked(uri: vscode.Uri): void {
    this.checked.add(uri.toString());
    if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) this.update();
  }

  /** Records whether the configs' `ignores` leave a document out (before its diagnostics arrive). */
  markIgnored(uri: vscode.Uri, ignored: boolean): void {
    if (ignored) this.ignored.add(uri.toString());
    else this.ignored.delete(uri.toString());
  }

  /** Forgets every check (the server restarted). */
  reset(): void {
    this.checked.clear();
    this.ignored.clear();
    this.update();
  }

  /** Redraws the item for the active editor. */
  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc) {
      this.item.hide();
      return;
    }
    const findings = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
    const view = computeStatus(
      {
        isYaml: doc.languageId === 'yaml' || doc.languageId === 'json',
        isPlan: findings.length > 0 || looksLikePlan(doc.getText()),
        checked: this.checked.has(doc.uri.toString()),
        ignored: this.ignored.has(doc.uri.toString()),
        counts: countFindings(findings, 'vscode'),
        fileName: baseName(doc.uri.path),
      },
      this.locale(),
    );
    if (!view.visible) {
      this.item.hide();
      return;
    }
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.accessibilityInformation = { label: view.accessibilityLabel };
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

// URI paths always use "/", whatever the platform.
function baseName(uriPath: string): string {
  return uriPath.slice(uriPath.lastIndexOf('/') + 1);
}
