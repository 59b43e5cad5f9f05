/**
 * Client step: the LanguageClient that runs the bundled server (dist/server.cjs) over Node IPC
 * for YAML documents on disk and unsaved, and hands it resolved settings. Everything the server
 * needs to know about the editor passes through here.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { toServerSettings, type ServerSettings } from './to-server-settings.js';
import serverNodeOptions from '../../lsp/server-node-options.json';

/** The configuration section (and client id: `laatuvahti.trace.server` follows from it). */
export const SECTION = 'laatuvahti';

/** Callbacks into the rest of the extension. */
export interface ClientHooks {
  /** The server has reported a document's diagnostics (possibly none). */
  onChecked(uri: vscode.Uri): void;
}

/**
 * Node options of the server process (packages/lsp/server-node-options.json, which the bench
 * launches it with too). Every check parses the whole plan, which allocates several times the
 * text's size; with V8's default young generation a 1,000-line parse is interrupted by
 * scavenges that copy the half-built tree, and a larger one cut the median time from an edit to
 * its diagnostics by about 2 ms (15 -> 13 ms in bench/lsp-latency.mjs).
 */
export const SERVER_EXEC_ARGV: readonly string[] = serverNodeOptions;

/** Builds (but does not start) the language client. */
export function createClient(context: vscode.ExtensionContext, hooks: ClientHooks): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.cjs'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // JSON plan files are plans too (the server checks only files whose top level has
    // `apiVersion: laatuvahti/...`, whatever their language).
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'json' },
    ],
    outputChannelName: 'Laatuvahti',
    middleware: {
      workspace: {
        // The server pulls `laatuvahti`; it gets "auto" resolved and relative folders anchored.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value, i) => {
            const item = params.items[i];
            return item?.section === SECTION ? readServerSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined) : value;
          });
        },
      },
      // The server pushes diagnostics (closed files from checkFiles; open files for clients
      // without pull support) or answers pulls for open files: both mean "checked".
      handleDiagnostics: (uri, diagnostics, next) => {
        next(uri, diagnostics);
        hooks.onChecked(uri);
      },
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const report = await next(document, previousResultId, token);
        // The client files the report into its collection after this returns; reporting
        // "checked" a turn later keeps the status bar from showing stale counts in between.
        if (report) setTimeout(() => hooks.onChecked(document instanceof vscode.Uri ? document : document.uri), 0);
        return report;
      },
    },
  };
  return new LanguageClient(SECTION, 'Laatuvahti', serverOptions, clientOptions);
}

/** The `laatuvahti` settings for a document (or the workspace), as the server receives them. */
export function readServerSettings(scope?: vscode.Uri): ServerSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const folder = (scope && vscode.workspace.getWorkspaceFolder(scope)) ?? vscode.workspace.workspaceFolders?.[0];
  const raw = { locale: config.get('locale'), ruleDirs: config.get('ruleDirs'), rules: config.get('rules'), debounceMs: config.get('debounceMs'), timeBudgetMs: config.get('timeBudgetMs') };
  return toServerSettings(raw, { displayLanguage: vscode.env.language, ...(folder ? { folderPath: folder.uri.fsPath } : {}) });
}

