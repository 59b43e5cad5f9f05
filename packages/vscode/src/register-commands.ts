/**
 * Command step: the six commands (check workspace, show rule documentation, show compliance
 * report, two new-plan skeletons, restart server). Each asks the server; the decisions they
 * take themselves are in plan-files.ts, rule-ids-at-position.ts and skeleton-language.ts.
 */
import * as vscode from 'vscode';
import { LSPErrorCodes, ResponseError, type LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, SHOW_PROBLEMS } from './command-ids.js';
import { inBatches, planFileExclude, PLAN_FILE_INCLUDE, summariseCheck } from './plan-files.js';
import { REQUESTS, type CheckFileResult, type CheckFilesResult, type ComplianceReportResult, type PlanKind, type RuleDocumentationResult, type RuleSummary, type SkeletonResult } from './protocol.js';
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
  if (summary.plans === 0) {
    void vscode.window.showInformationMessage(m.noPlans);
    return;
  }
  const text = m.checkDone(summary.plans, summary.counts);
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

/** The compliance report of the plan in the active editor (or the file the command was run on). */
async function showComplianceReport(ctx: CommandContext, running: Running, arg: unknown): Promise<void> {
  const m = uiMessages(ctx.locale());
  const target = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showInformationMessage(m.openAPlan);
    return;
  }
  const client = running();
  if (!client) return;
  const report = await client.sendRequest<ComplianceReportResult>(REQUESTS.complianceReport, { uri: client.code2ProtocolConverter.asUri(target), locale: ctx.locale() });
  if (!report) {
    void vscode.window.showWarningMessage(m.notAPlan(vscode.workspace.asRelativePath(target)));
    return;
  }
  await showMarkdown(ctx.docs.put(['report', ctx.locale(), ...vscode.workspace.asRelativePath(target).split(/[\\/]/)], report.markdown));
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
