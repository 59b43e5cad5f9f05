/**
 * Command step: the commands (check workspace, show rule documentation, show compliance
 * report, two new-plan skeletons, import a plan, restart server). Each asks the server; the
 * decisions they take themselves are in plan-files.ts, rule-ids-at-position.ts,
 * skeleton-language.ts and import-target.ts.
 */
import * as vscode from 'vscode';
import { LSPErrorCodes, ResponseError, type LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, SHOW_PROBLEMS } from './command-ids.js';
import { inBatches, planFileExclude, PLAN_FILE_INCLUDE, summariseCheck } from './plan-files.js';
import { REQUESTS, type CheckFileResult, type CheckFilesResult, type ComplianceReportResult, type ImportPlanResult, type PlanKind, type RuleDocumentationResult, type RuleSummary, type SkeletonResult } from './protocol.js';
import { draftPathFor, IMPORT_EXTENSIONS, isImportSource } from './import-target.js';
import type { UiLocale } from './resolve-locale.js';
import type { MarkdownDocuments } from './markdown-documents.js';
import { ruleIdFromArgument, ruleIdsAtPosition } from './rule-ids-at-position.js';
import { skeletonLanguage } from './skeleton-language.js';
import { uiMessages } from './ui-messages.js';

/** What the commands need from the extension. */
export interface CommandContext {
  /** The client, when it is running. */
  client(): LanguageClient | undefined;
  /** The resolved `laatuvahti.locale`. */
  locale(): UiLocale;
  /** Where rule documentation and reports are shown from. */
  docs: MarkdownDocuments;
  /** Restarts the language server. */
  restart(): Promise<void>;
}

// More files than any care organisation keeps plans in; the cap bounds a mistaken open of "/".
const MAX_FILES = 10_000;

/** Registers the commands; dispose the result to unregister them. */
export function registerCommands(ctx: CommandContext): vscode.Disposable {
  const running = (): LanguageClient | undefined => {
    const client = ctx.client();
    if (client?.isRunning()) return client;
    void vscode.window.showErrorMessage(uiMessages(ctx.locale()).serverNotRunning);
    return undefined;
  };
  // A failed request becomes one readable notification instead of VS Code's modal
  // "command resulted in an error"; a cancelled one (the user pressed Cancel) is no failure.
  const register = (id: string, run: (arg: unknown) => Promise<void>) =>
    vscode.commands.registerCommand(id, async (arg: unknown) => {
      try {
        await run(arg);
      } catch (error) {
        if (isCancellation(error)) return;
        void vscode.window.showErrorMessage(uiMessages(ctx.locale()).commandFailed(error instanceof Error ? error.message : String(error)));
      }
    });
  return vscode.Disposable.from(
    register(COMMANDS.checkWorkspace, () => checkWorkspace(ctx, running)),
    register(COMMANDS.showRuleDocumentation, (arg) => showRuleDocumentation(ctx, running, arg)),
    register(COMMANDS.showComplianceReport, (arg) => showComplianceReport(ctx, running, arg)),
    register(COMMANDS.newSelfMonitoringPlan, (arg) => newPlan(ctx, running, 'SelfMonitoringPlan', arg)),
    register(COMMANDS.newServiceDescription, (arg) => newPlan(ctx, running, 'ServiceDescription', arg)),
    register(COMMANDS.importPlan, (arg) => importPlan(ctx, running, arg)),
    register(COMMANDS.restartServer, async () => {
      await ctx.restart();
      void vscode.window.showInformationMessage(uiMessages(ctx.locale()).serverRestarted);
    }),
  );
}

function isCancellation(error: unknown): boolean {
  return error instanceof vscode.CancellationError || (error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
}

type Running = () => LanguageClient | undefined;

async function checkWorkspace(ctx: CommandContext, running: Running): Promise<void> {
  const m = uiMessages(ctx.locale());
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(m.noFolder);
    return;
  }
  const client = running();
  if (!client) return;
  const results = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: m.checkingPlans, cancellable: true },
    async (progress, token) => {
      const exclude = planFileExclude(vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude'));
      const found = await vscode.workspace.findFiles(PLAN_FILE_INCLUDE, exclude, MAX_FILES, token);
      const uris = found.map((u) => u.toString()).sort();
      const done: CheckFileResult[] = [];
      for (const batch of inBatches(uris)) {
        if (token.isCancellationRequested) break;
        const answer = await client.sendRequest<CheckFilesResult>(REQUESTS.checkFiles, { uris: batch }, token);
        done.push(...answer.results);
        progress.report({ increment: (100 * batch.length) / uris.length, message: m.progress(done.length, uris.length) });
      }
      return done;
    },
  );
  const summary = summariseCheck(results);
  if (summary.plans + summary.ignored === 0) {
    void vscode.window.showInformationMessage(m.noPlans);
    return;
  }
  const text = m.checkDone(summary.plans, summary.counts) + (summary.ignored ? m.plansIgnored(summary.ignored) : '');
  const found = summary.counts.errors + summary.counts.warnings + summary.counts.infos > 0;
  const show = found ? vscode.window.showWarningMessage(text, m.showProblems) : vscode.window.showInformationMessage(text);
  void show.then((choice) => {
    if (choice === m.showProblems) void vscode.commands.executeCommand(SHOW_PROBLEMS);
  });
}

async function showRuleDocumentation(ctx: CommandContext, running: Running, arg: unknown): Promise<void> {
  const m = uiMessages(ctx.locale());
  const client = running();
  if (!client) return;
  let ruleId = ruleIdFromArgument(arg);
  const editor = vscode.window.activeTextEditor;
  if (!ruleId && editor) {
    const here = ruleIdsAtPosition(vscode.languages.getDiagnostics(editor.document.uri), editor.selection.active);
    if (here.length > 1) {
      ruleId = await vscode.window.showQuickPick(here, { placeHolder: m.pickFinding });
      if (!ruleId) return;
    } else {
      ruleId = here[0];
    }
  }
  if (!ruleId) {
    const rules = await client.sendRequest<RuleSummary[]>(REQUESTS.listRules, { locale: ctx.locale() });
    const picked = await vscode.window.showQuickPick(
      rules.map((r) => ({ label: r.id, description: r.title, detail: r.source })),
      { placeHolder: m.pickRule, matchOnDescription: true },
    );
    ruleId = picked?.label;
    if (!ruleId) return;
  }
  const doc = await client.sendRequest<RuleDocumentationResult>(REQUESTS.ruleDocumentation, { ruleId, locale: ctx.locale() });
  if (!doc) {
    void vscode.window.showWarningMessage(m.noDocumentation(ruleId));
    return;
  }
  await showMarkdown(ctx.docs.put(['rule', ctx.locale(), ruleId], doc.markdown));
}

/**
 * The compliance report of the YAML file the command was run on (explorer, editor menu) or of
 * the one in the active editor; of every plan in a folder it was run on, or in the workspace when
 * no YAML file is active (e.g. from a report's preview).
 */
async function showComplianceReport(ctx: CommandContext, running: Running, arg: unknown): Promise<void> {
  const m = uiMessages(ctx.locale());
  const client = running();
  if (!client) return;
  const target = await reportTarget(arg);
  if (!target) {
    void vscode.window.showInformationMessage(m.noFolder);
    return;
  }
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: m.reporting, cancellable: true },
    async (_progress, token) => {
      const uris = 'file' in target ? [target.file] : await planCandidates(target.folder, token);
      return client.sendRequest<ComplianceReportResult>(REQUESTS.complianceReport, { uris: uris.map((u) => client.code2ProtocolConverter.asUri(u)), locale: ctx.locale() }, token);
    },
  );
  if (!report) {
    void vscode.window.showWarningMessage('file' in target ? m.notAPlan(vscode.workspace.asRelativePath(target.file)) : m.noPlans);
    return;
  }
  const name = 'file' in target ? vscode.workspace.asRelativePath(target.file) : target.folder ? vscode.workspace.asRelativePath(target.folder) : m.workspaceReportName;
  await showMarkdown(ctx.docs.put(['report', ctx.locale(), ...name.split(/[\\/]/)], report.markdown));
}

/** What a report is of: one file, a folder, or (folder undefined) the whole workspace; none without a workspace. */
async function reportTarget(arg: unknown): Promise<{ file: vscode.Uri } | { folder: vscode.Uri | undefined } | undefined> {
  if (arg instanceof vscode.Uri) {
    const stat = await vscode.workspace.fs.stat(arg).then((s) => s, () => undefined);
    return stat?.type === vscode.FileType.Directory ? { folder: arg } : { file: arg };
  }
  const doc = vscode.window.activeTextEditor?.document;
  if (doc?.languageId === 'yaml' || doc?.languageId === 'json') return { file: doc.uri };
  return vscode.workspace.workspaceFolders?.length ? { folder: undefined } : undefined;
}

/** The YAML files of a folder or of the workspace (the server picks the plans among them). */
async function planCandidates(folder: vscode.Uri | undefined, token: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const exclude = planFileExclude(vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude'));
  const include = folder ? new vscode.RelativePattern(folder, PLAN_FILE_INCLUDE) : PLAN_FILE_INCLUDE;
  const found = await vscode.workspace.findFiles(include, exclude, MAX_FILES, token);
  return found.sort((a, b) => (a.toString() < b.toString() ? -1 : 1));
}

/** Opens a virtual Markdown document in the preview. */
async function showMarkdown(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    // The built-in Markdown extension can be disabled; the source text still reads well.
    await vscode.window.showTextDocument(uri, { preview: true });
  }
}

async function newPlan(ctx: CommandContext, running: Running, kind: PlanKind, arg: unknown): Promise<void> {
  const client = running();
  if (!client) return;
  const { text } = await client.sendRequest<SkeletonResult>(REQUESTS.skeleton, { kind, language: skeletonLanguage(arg, ctx.locale()) });
  const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
  await vscode.window.showTextDocument(doc);
}

/**
 * "Import plan from Word/Markdown/text": the file clicked in the explorer, the active editor's
 * file, or one picked -> the server's draft (core's importPlan) -> written next to the source
 * (an existing draft only when the user says so) -> opened, where the server checks it.
 */
async function importPlan(ctx: CommandContext, running: Running, arg: unknown): Promise<void> {
  const m = uiMessages(ctx.locale());
  let source = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!source || !isImportSource(source.path)) {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: m.importOpenLabel, filters: { [m.importFilter]: IMPORT_EXTENSIONS.map((e) => e.slice(1)) } });
    source = picked?.[0];
    if (!source) return;
  }
  if (source.scheme !== 'file') {
    void vscode.window.showErrorMessage(m.importNotFile);
    return;
  }
  const client = running();
  if (!client) return;
  const name = source.path.slice(source.path.lastIndexOf('/') + 1);
  const uri = source.toString();
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: m.importing(name) }, () => client.sendRequest<ImportPlanResult>(REQUESTS.importPlan, { uri }));
  const target = vscode.Uri.file(draftPathFor(source.fsPath));
  const targetName = target.path.slice(target.path.lastIndexOf('/') + 1);
  const exists = await vscode.workspace.fs.stat(target).then(
    () => true,
    () => false,
  );
  // As `laatuvahti import` without --force: an existing file is replaced only when the user says so.
  if (exists && (await vscode.window.showWarningMessage(m.draftExists(targetName), { modal: true }, m.replace)) !== m.replace) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
  void vscode.window.showInformationMessage(m.imported(targetName, result));
}

