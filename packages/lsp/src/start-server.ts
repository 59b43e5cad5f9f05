/**
 * The language server's whole lifecycle on one page: initialize (capabilities, settings),
 * documents opening, changing and closing (debounced, versioned checks), settings and watched
 * files changing (invalidate, re-check everything open), editor features and the custom
 * requests. Each handler delegates to a small module; nothing here knows any rule.
 */
import { constants } from 'node:fs';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind, CodeLensRefreshRequest, DidChangeConfigurationNotification, ErrorCodes, LSPErrorCodes, ResponseError, DidChangeWatchedFilesNotification, DocumentDiagnosticReportKind,
  TextDocumentSyncKind, TextDocuments, type CodeAction, type CodeActionParams, type Connection, type InitializeResult, type Position,
} from 'vscode-languageserver';
import { createPlanSkeleton, decodeSourceText, ImportError, importFormatOf, importPlan, isPlanText, KINDS, LOCALES, redactPersonalIds, type Locale, type ParsedText } from '@laatuvahti/core/internal';
import { DocumentChecker, type CheckResult } from './document-checker.js';
import { ParsedDocuments } from './parsed-documents.js';
import { clampedTextDocument } from './clamped-text-document.js';
import { DIAGNOSTIC_SOURCE } from './to-lsp-diagnostic.js';
import { WorkspaceSettings } from './workspace-settings.js';
import { SettingsProblems } from './settings-problems.js';
import { readClientSettings } from './client-settings.js';
import { planKindOf, planKindOfText, planLanguageOf } from './field-info.js';
import { provideHover } from './hover.js';
import { FIX_ALL_KIND, fixAllAction, provideCodeActions } from './code-actions.js';
import { provideCompletion } from './completion.js';
import { provideDocumentSymbols } from './document-symbols.js';
import { listRules, ruleDocumentation } from './rule-docs.js';
import { CheckFilesRequest, ComplianceReportRequest, IgnoredNotification, ImportPlanRequest, ListRulesRequest, RuleDocumentationRequest, SkeletonRequest, type CheckFileResult } from './custom-requests.js';
import { planReport, type ReportSubject } from './plan-report.js';
import { provideCodeLens } from './code-lens.js';
import packageJson from '../package.json' with { type: 'json' };

/** Files whose change on disk changes findings: config files and rule folders' contents. */
const WATCHED_GLOBS = ['**/laatuvahti.config.yaml', '**/rule.yaml', '**/reference/*.yaml', '**/README.md'];

/** What the client said it can do. */
interface ClientFeatures {
  configuration: boolean;
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  codeLensRefresh: boolean;
  dynamicWatchers: boolean;
  dynamicConfiguration: boolean;
}

/** Wires every handler of the server to `connection` and starts listening. */
export function startServer(connection: Connection): void {
  // Edits with a range past the end are clamped (clamped-text-document.ts): the text stays the editor's.
  const documents = new TextDocuments(clampedTextDocument);
  const parsedDocs = new ParsedDocuments();
  // Files checked through `laatuvahti/checkFiles` while closed, whose findings were pushed.
  const pushedClosed = new Set<string>();
  let features: ClientFeatures = { configuration: false, pullDiagnostics: false, diagnosticRefresh: false, codeLensRefresh: false, dynamicWatchers: false, dynamicConfiguration: false };
  let workspace = new WorkspaceSettings(process.cwd());
  // Every log line leaves through the same masking as findings: an error message may quote a
  // plan, and a plan may hold a personal identity code.
  const log = {
    warn: (message: string) => connection.console.warn(redactPersonalIds(message)),
    error: (message: string) => connection.console.error(redactPersonalIds(message)),
  };
  let initialSettings: unknown;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const problems = new SettingsProblems(
    (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
    (message) => log.warn(message),
  );
  const settingsFor = (uri: string) => {
    const s = workspace.forUri(uri);
    problems.report(s.configFile ?? '', s.diagnostics);
    return s;
  };
  const checker = new DocumentChecker({
    documents,
    settingsFor,
    isIgnored: (uri) => workspace.isIgnored(uri),
    debounceMs: () => workspace.clientSettings.debounceMs,
    timeBudgetMs: () => workspace.clientSettings.timeBudgetMs,
    ready: () => ready,
    get push() {
      return !features.pullDiagnostics;
    },
    publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, ...(version !== undefined ? { version } : {}), diagnostics }),
    logError: (message) => log.error(message),
    ignoredChanged: (uri, ignored) => void connection.sendNotification(IgnoredNotification, { uri, ignored }),
  });

  // ---- lifecycle -------------------------------------------------------------------------

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    features = {
      configuration: !!caps.workspace?.configuration,
      pullDiagnostics: !!caps.textDocument?.diagnostic,
      diagnosticRefresh: !!caps.workspace?.diagnostics?.refreshSupport,
      codeLensRefresh: !!caps.workspace?.codeLens?.refreshSupport,
      dynamicWatchers: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
      dynamicConfiguration: !!caps.workspace?.didChangeConfiguration?.dynamicRegistration,
    };
    const rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    workspace = new WorkspaceSettings(rootUri?.startsWith('file:') ? fileURLToPath(rootUri) : params.rootPath ?? process.cwd());
    // Clients without `workspace/configuration` (and scripts) may pass settings here.
    const init = params.initializationOptions as Record<string, unknown> | null | undefined;
    initialSettings = init && typeof init === 'object' && 'laatuvahti' in init ? init.laatuvahti : init;
    applySettings(initialSettings);
    if (!features.configuration) markReady();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', '['] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentSymbolProvider: true,
        codeLensProvider: { resolveProvider: false },
        ...(features.pullDiagnostics ? { diagnosticProvider: { identifier: 'laatuvahti', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'laatuvahti-lsp', version: packageJson.version },
    };
  });

  connection.onInitialized(async () => {
    // Checks wait for the settings; whatever happens, they must not wait forever.
    try {
      if (features.configuration) await loadSettings();
    } finally {
      markReady();
    }
    try {
      if (features.dynamicWatchers) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
      }
      if (features.dynamicConfiguration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'laatuvahti' });
    } catch (e) {
      log.warn(`laatuvahti: could not register for file and settings changes: ${String(e)}`);
    }
  });

  /** Reads the client's settings (falling back to the initialization options). */
  async function loadSettings(): Promise<void> {
    try {
      const raw: unknown = await connection.workspace.getConfiguration('laatuvahti');
      applySettings(raw ?? initialSettings);
    } catch (e) {
      log.warn(`laatuvahti: could not read settings (${String(e)}); using defaults`);
    }
  }

  function applySettings(raw: unknown): void {
    workspace.update(readClientSettings(raw, workspace.root, (m) => log.warn(m)));
  }

  /** After settings, config or rule files changed: no finding may outlive its cause. */
  function recheckEverything(): void {
    problems.reset();
    checker.recheckAll();
    if (features.pullDiagnostics && features.diagnosticRefresh) void connection.languages.diagnostics.refresh();
    // The same text under new settings: lenses asked for before the re-check are stale.
    if (features.codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type);
    void checkFiles([...pushedClosed]);
  }

  connection.onDidChangeConfiguration(async (params) => {
    if (features.configuration) await loadSettings();
    else applySettings((params.settings as Record<string, unknown> | null)?.laatuvahti ?? null);
    recheckEverything();
  });

  connection.onDidChangeWatchedFiles(() => {
    workspace.invalidate();
    recheckEverything();
  });

  // ---- documents and diagnostics -----------------------------------------------------------

  documents.onDidOpen((e) => {
    // The live check owns an open document's findings; drop what checkFiles pushed for it.
    if (pushedClosed.delete(e.document.uri)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  documents.onDidChangeContent((e) => checker.schedule(e.document.uri));
  documents.onDidClose((e) => {
    checker.close(e.document.uri);
    parsedDocs.delete(e.document.uri);
  });

  connection.languages.diagnostics.on(async (params) => {
    const result = await checker.resultFor(params.textDocument.uri);
    return { kind: DocumentDiagnosticReportKind.Full, items: result?.lsp ?? [] };
  });

  // ---- editor features ---------------------------------------------------------------------

  /**
   * What a feature request on a plan needs; undefined for documents that are not plans. The
   * parse is per version and only on demand (completion reads the text alone).
   */
  function planContext(uri: string) {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const result = checker.current(uri);
    const text = doc.getText();
    if (result ? !result.isPlan : !isPlanText(text)) return undefined;
    const settings = settingsFor(uri);
    // Hovers and fixes speak the findings' language: the chosen one, else the plan's own.
    const locale = settings.chosenLocale ?? result?.locale ?? settings.locale;
    return { doc, text, result, settings, locale, kind: planKindOfText(text) ?? result?.kind, parsed: () => parsedDocs.get(doc) };
  }

  connection.onHover((params) => {
    const c = planContext(params.textDocument.uri);
    if (!c) return null;
    const parsed = c.parsed();
    return provideHover({
      parsed,
      offset: offsetOf(parsed, params.position),
      position: params.position,
      findings: c.result?.diagnostics ?? [],
      kind: planKindOf(parsed) ?? c.kind,
      pack: c.settings.pack,
      locale: c.locale,
    });
  });

  connection.onCodeAction(async (params) => {
    const { only } = params.context;
    // An action's kind answers a request for that kind or any kind it is a sub-kind of.
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions = wants(CodeActionKind.QuickFix) ? quickFixes(params) : [];
    // "Correct all misspellings" as a source action: only when asked for (Source Action…,
    // codeActionsOnSave), whatever the cursor is on, with the findings of the version shown.
    if (only && wants(FIX_ALL_KIND)) {
      const uri = params.textDocument.uri;
      const result = planContext(uri) ? await checker.resultFor(uri) : undefined;
      const doc = documents.get(uri);
      const all = result?.isPlan && doc && doc.version === result.version ? fixAllAction(uri, doc.getText(), result.diagnostics, result.locale, (o) => doc.positionAt(o)) : undefined;
      if (all) actions.push(all.action);
    }
    return actions;
  });

  /** The quick fixes for the findings of ours in the request. */
  function quickFixes(params: CodeActionParams): CodeAction[] {
    // Editors ask on every cursor move: without a finding of ours there is nothing to parse for.
    if (!params.context.diagnostics.some((d) => d.source === DIAGNOSTIC_SOURCE)) return [];
    const c = planContext(params.textDocument.uri);
    if (!c) return [];
    const parsed = c.parsed();
    return provideCodeActions({
      uri: params.textDocument.uri,
      parsed,
      diagnostics: params.context.diagnostics,
      kind: planKindOf(parsed) ?? c.kind,
      locale: c.locale,
      language: planLanguageOf(parsed) ?? c.locale,
      findings: c.result?.diagnostics ?? [],
      ...(c.result ? { fixAll: { text: c.text, positionAt: (o: number) => c.doc.positionAt(o) } } : {}),
    });
  }

  connection.onCompletion((params) => {
    const c = planContext(params.textDocument.uri);
    if (!c) return [];
    return provideCompletion({ text: c.text, offset: c.doc.offsetAt(params.position), position: params.position, kind: c.kind, locale: c.locale });
  });

  // Waits for the check of the version shown, so the counts are never those of an older text.
  connection.onCodeLens(async (params) => (workspace.clientSettings.codeLens ? provideCodeLens(await checker.resultFor(params.textDocument.uri)) : []));

  connection.onDocumentSymbol((params) => {
    const c = planContext(params.textDocument.uri);
    if (!c) return [];
    const parsed = c.parsed();
    return provideDocumentSymbols(parsed, planKindOf(parsed) ?? c.kind, c.locale);
  });

  // ---- custom requests -----------------------------------------------------------------------

  /** Checks files (open ones from the editor), pushing findings of closed plans. */
  /**
   * The text of a document that is not open, from disk; undefined (and logged) when it cannot be
   * read. Only a regular file is read: opening a FIFO for reading waits for a writer, which would
   * hold the request and one of Node's file-system threads forever (hence O_NONBLOCK, and fstat
   * before reading). UTF-16 with a byte order mark is decoded, as the CLI does.
   */
  async function readFromDisk(uri: string): Promise<string | undefined> {
    let file: FileHandle | undefined;
    try {
      file = await open(fileURLToPath(uri), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
      if (!(await file.stat()).isFile()) {
        log.warn(`laatuvahti: cannot read ${uri}: not a regular file`);
        return undefined;
      }
      return decodeFileText(await file.readFile());
    } catch (e) {
      log.warn(`laatuvahti: cannot read ${uri}: ${String(e)}`);
      return undefined;
    } finally {
      await file?.close();
    }
  }

  async function checkFiles(uris: readonly string[]): Promise<CheckFileResult[]> {
    await ready;
    const results: CheckFileResult[] = [];
    for (const uri of uris) {
      const open = documents.get(uri);
      let result: CheckResult;
      if (open) {
        result = checker.current(uri) ?? (await checker.checkText(uri, open.getText(), open.version));
      } else {
        const text = await readFromDisk(uri);
        if (text === undefined) {
          if (pushedClosed.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
          results.push({ uri, isPlan: false, diagnostics: [] });
          continue;
        }
        result = await checker.checkText(uri, text, undefined);
        // The document may have been opened meanwhile; then the live check owns it.
        if (!documents.get(uri)) {
          if (result.isPlan) {
            pushedClosed.add(uri);
            void connection.sendDiagnostics({ uri, diagnostics: result.lsp });
          } else if (pushedClosed.delete(uri)) {
            void connection.sendDiagnostics({ uri, diagnostics: [] });
          }
        }
      }
      results.push({ uri, isPlan: result.isPlan, ...(result.ignored ? { ignored: true } : {}), diagnostics: result.lsp });
    }
    return results;
  }

  connection.onRequest(CheckFilesRequest, async (params) => ({ results: await checkFiles(Array.isArray(params?.uris) ? params.uris : []) }));

  connection.onRequest(RuleDocumentationRequest, (params) => {
    const s = workspace.forWorkspace();
    const markdown = ruleDocumentation(s.pack, s.settings, String(params?.ruleId ?? ''), params?.locale ?? s.locale);
    return markdown === null ? null : { markdown };
  });

  connection.onRequest(ListRulesRequest, (params) => {
    const s = workspace.forWorkspace();
    return listRules(s.pack, s.settings, params?.locale ?? s.locale);
  });

  connection.onRequest(ComplianceReportRequest, async (params, token) => {
    await ready;
    const uris = Array.isArray(params?.uris) ? params.uris.map(String) : params?.uri ? [String(params.uri)] : [];
    const subjects: ReportSubject[] = [];
    for (const uri of uris) {
      if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      // A report of a folder or the workspace leaves out what the configs' ignores leave out, as
      // a folder run does; one plan asked for by name is reported all the same.
      if (uris.length > 1 && workspace.isIgnored(uri)) continue;
      const file = uri.startsWith('file:') ? workspace.pathOf(uri) : undefined;
      const open = documents.get(uri);
      const text = open ? open.getText() : file ? await readFromDisk(uri) : undefined;
      if (text !== undefined && isPlanText(text)) subjects.push({ uri, text, ...(file ? { file } : {}), settings: settingsFor(uri) });
    }
    if (subjects.length === 0) return null;
    const asked = LOCALES.includes(params?.locale as Locale) ? (params.locale as Locale) : undefined;
    // Unasked, one plan speaks its own config's language, several the workspace's.
    const locale = asked ?? (subjects.length === 1 ? subjects[0]!.settings.locale : workspace.forWorkspace().locale);
    const markdown = await planReport(subjects, { root: workspace.root, locale, version: packageJson.version, yieldControl: () => new Promise((resolve) => setImmediate(resolve)) });
    // Like every text the server sends: an identity code in a reason or a name stays masked.
    return { markdown: redactPersonalIds(markdown) };
  });

  connection.onRequest(SkeletonRequest, (params) => {
    const kind = KINDS.includes(params?.kind) ? params.kind : undefined;
    const language = LOCALES.includes(params?.language) ? params.language : undefined;
    if (!kind || !language) {
      throw new ResponseError(ErrorCodes.InvalidParams, `laatuvahti/skeleton: kind must be one of ${KINDS.join(', ')} and language one of ${LOCALES.join(', ')}`);
    }
    return { text: createPlanSkeleton(kind, language) };
  });

  // `laatuvahti import` for editors: the source is read here, where the files are; the client
  // writes the draft and opens it, and the draft is then checked like any open plan.
  connection.onRequest(ImportPlanRequest, async (params) => {
    const file = typeof params?.uri === 'string' && params.uri.startsWith('file:') ? fileURLToPath(params.uri) : undefined;
    const format = file ? importFormatOf(file) : undefined;
    if (!file || !format) throw new ResponseError(ErrorCodes.InvalidParams, 'laatuvahti/importPlan: give the file: URI of a .docx, .md or .txt file');
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (e) {
      throw new ResponseError(ErrorCodes.InvalidParams, `Cannot read ${file}: ${(e as Error).message}`);
    }
    try {
      const r = await importPlan(format === 'docx' ? { format, data: bytes } : { format, text: decodeSourceText(bytes) }, {
        sourceName: file.split(/[\\/]/).pop()!,
        ...(KINDS.includes(params.kind!) ? { kind: params.kind! } : {}),
        ...(LOCALES.includes(params.language!) ? { language: params.language! } : {}),
      });
      return {
        text: r.text,
        kind: r.kind,
        language: r.language,
        headings: { found: r.headings.length, recognised: r.headings.filter((h) => h.recognised).length },
        paragraphs: r.stats.paragraphs,
        words: r.stats.words,
        guesses: r.guesses,
        personalIdsMasked: r.personalIdsMasked,
      };
    } catch (e) {
      if (e instanceof ImportError) throw new ResponseError(ErrorCodes.InvalidParams, redactPersonalIds(e.message));
      throw e;
    }
  });

  documents.listen(connection);
  connection.listen();
}

/** A file's bytes as text: UTF-16 LE / BE when a byte order mark says so, else UTF-8. */
function decodeFileText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes).swap16().toString('utf16le');
  return bytes.toString('utf8');
}

/** An LSP position as an offset into the parsed text. */
function offsetOf(parsed: ParsedText, position: Position): number {
  const starts = parsed.lineCounter.lineStarts;
  const lineStartOffset = starts[Math.min(position.line, starts.length - 1)] ?? 0;
  const lineEnd = position.line + 1 < starts.length ? starts[position.line + 1]! - 1 : parsed.text.length;
  return Math.min(lineStartOffset + position.character, lineEnd);
}
