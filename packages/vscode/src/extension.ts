/**
 * Extension entry: starts the Laatuvahti language server for YAML files (the server decides
 * which are plans) and wires settings, commands and the status bar to it. The whole lifecycle
 * is on this page; the extension does no checking itself.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createClient, SECTION } from './create-client.js';
import { PlanStatusBar } from './plan-status-bar.js';
import { registerCommands } from './register-commands.js';
import { resolveLocale } from './resolve-locale.js';
import { MARKDOWN_SCHEME, MarkdownDocuments } from './markdown-documents.js';
import { NOTIFICATIONS, type IgnoredParams } from './protocol.js';

let client: LanguageClient | undefined;

/** Called by VS Code when the first YAML document opens (or a Laatuvahti command runs). */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const locale = () => resolveLocale(vscode.workspace.getConfiguration(SECTION).get('locale'), vscode.env.language);
  const status = new PlanStatusBar(locale);
  const docs = new MarkdownDocuments();
  const languageClient = createClient(context, { onChecked: (uri) => status.markChecked(uri) });
  client = languageClient;
  // Registered before start, so the first checks' notifications are not missed.
  context.subscriptions.push(languageClient.onNotification(NOTIFICATIONS.ignored, (p: IgnoredParams) => status.markIgnored(vscode.Uri.parse(p.uri), p.ignored)));

  context.subscriptions.push(
    status,
    docs,
    vscode.workspace.registerTextDocumentContentProvider(MARKDOWN_SCHEME, docs),
    registerCommands({
      client: () => client,
      locale,
      docs,
      restart: async () => {
        status.reset();
        await languageClient.restart();
      },
    }),
    // The server registers for `laatuvahti` changes and pulls them through create-client.ts;
    // only the status text (its language) is the extension's own.
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION)) status.update();
    }),
  );

  try {
    await languageClient.start();
  } catch (error) {
    // The client has already logged the cause to the "Laatuvahti" output channel.
    languageClient.outputChannel.show(true);
    void vscode.window.showErrorMessage(`Laatuvahti: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Called by VS Code on shutdown: stops the server. */
export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
