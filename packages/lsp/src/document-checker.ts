/**
 * Diagnostics for open documents: debounced per document, each run tied to the version it
 * checked, a result published (push) or handed to waiting pull requests only while that version
 * is still current, so a stale finding never reaches the editor. Runs of different documents
 * may overlap; core serialises the rule engine itself.
 */
import type { Diagnostic as LspDiagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkWithPack, currentDate, isPlanText, ruleOutcomes, RunMemo, type Diagnostic, type Locale, type PlanKind, type RuleOutcome } from '@laatuvahti/core/internal';
import type { FileSettings } from '@laatuvahti/core/internal/node';
import { toLspDiagnostic } from './to-lsp-diagnostic.js';
import { lspText } from './lsp-messages.js';

/** The outcome of checking one text. */
export interface CheckResult {
  uri: string;
  /** The document version checked; undefined for text read from disk. */
  version: number | undefined;
  isPlan: boolean;
  /** A plan the configs' `ignores` leave out: not checked, so no findings. */
  ignored?: true;
  kind?: PlanKind;
  /** Locale the messages were written in (the file's effective locale). */
  locale: Locale;
  /** Core findings, for hover and code actions. */
  diagnostics: Diagnostic[];
  /** The same findings as published. */
  lsp: LspDiagnostic[];
  /** What became of every rule of the plan's kind (for the code lens); absent when no rule ran. */
  outcomes?: RuleOutcome[];
}

/** What the checker needs from the server. */
export interface CheckerHost {
  documents: TextDocuments<TextDocument>;
  /** Config, pack and settings of a document (may throw: the check then reports the failure). */
  settingsFor(uri: string): FileSettings;
  /** Whether the configs' `ignores` leave the document out (then it is not checked). */
  isIgnored(uri: string): boolean;
  debounceMs(): number;
  /** The time budget of one check of an open document, in ms. */
  timeBudgetMs(): number;
  /** Resolves once the client's settings are known; checks wait for it. */
  ready(): Promise<void>;
  /** True when diagnostics are pushed (publishDiagnostics), false when the client pulls. */
  push: boolean;
  publish(uri: string, version: number | undefined, diagnostics: LspDiagnostic[]): void;
  /** An open document became (or stopped being) left out by the configs' `ignores`. */
  ignoredChanged(uri: string, ignored: boolean): void;
  logError(message: string): void;
}

type Timer = { kind: 'timeout'; handle: ReturnType<typeof setTimeout> } | { kind: 'immediate'; handle: ReturnType<typeof setImmediate> };

interface DocState {
  timer?: Timer;
  /** Version of the run in flight, if any, and how to cancel it. */
  running?: number;
  cancelRun?: AbortController;
  result?: CheckResult;
  /** Pull requests waiting for the current version's result. */
  waiters: ((r: CheckResult | undefined) => void)[];
  /** Whether findings of this document were pushed and not yet cleared. */
  published: boolean;
  /** Whether the client was last told the document is ignored (outlives `result`, which a settings change drops). */
  ignored?: true;
  /** Findings of list items kept across versions: an edit re-evaluates only what it touched. */
  memo: RunMemo;
}

/**
 * Test hook: when the environment variable names a string, checking any text that contains it
 * throws, so tests can prove a failing check is reported and the server keeps serving.
 */
const FAULT_MARKER = process.env.LAATUVAHTI_LSP_FAULT_MARKER;

/** A plan's top-level `language:` line (what core's planLanguage reads after parsing). */
const LANGUAGE_LINE = /^language[ \t]*:[ \t]*["']?(fi|sv|en)["']?[ \t]*(?:#.*)?$/m;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Keeps the diagnostics of open documents current. */
export class DocumentChecker {
  private readonly states = new Map<string, DocState>();
  /** Bumped when settings change: a run started under older settings is not published. */
  private generation = 0;

  constructor(private readonly host: CheckerHost) {}

  /**
   * Checks a text as the document `uri` would be checked. Never throws, except the abort
   * reason when `live.signal` cancels it. `live` is given for open documents: their check can
   * be cancelled and stops at the time budget.
   */
  async checkText(uri: string, text: string, version: number | undefined, live?: { memo: RunMemo; signal: AbortSignal }): Promise<CheckResult> {
    if (!isPlanText(text)) return { uri, version, isPlan: false, locale: 'en', diagnostics: [], lsp: [] };
    let locale: Locale = 'en';
    try {
      const settings = this.host.settingsFor(uri);
      locale = settings.locale;
      if (this.host.isIgnored(uri)) {
        // Not parsed, so the plan's own language is read off its top-level line for the lens.
        const own = settings.chosenLocale ?? (LANGUAGE_LINE.exec(text)?.[1] as Locale | undefined);
        return { uri, version, isPlan: true, ignored: true, locale: own ?? locale, diagnostics: [], lsp: [] };
      }
      // Let pending requests (hover, cancellations, newer edits) in before the long part.
      await nextTurn();
      if (FAULT_MARKER && text.includes(FAULT_MARKER)) throw new Error(`fault injected by LAATUVAHTI_LSP_FAULT_MARKER`);
      const today = currentDate();
      const report = await checkWithPack(settings.pack, text, {
        today,
        // Unless the editor setting or the config chose one, the plan's own `language` decides.
        ...(settings.chosenLocale ? { locale: settings.chosenLocale } : { fallbackLocale: settings.locale }),
        settings: settings.settings,
        // Every check here takes turns with other requests (a workspace check too, which must
        // still be complete); an open document's check can also be cancelled and is bounded.
        yieldControl: nextTurn,
        ...(live ? { memo: live.memo, signal: live.signal, timeBudgetMs: this.host.timeBudgetMs() } : {}),
      });
      return {
        uri,
        version,
        isPlan: true,
        ...(report.kind ? { kind: report.kind } : {}),
        locale: report.locale,
        diagnostics: report.diagnostics,
        lsp: report.diagnostics.map((d) => toLspDiagnostic(d, uri)),
        ...(report.kind ? { outcomes: ruleOutcomes(settings.pack, report, { today, settings: settings.settings }) } : {}),
      };
    } catch (e) {
      if (live?.signal.aborted) throw e;
      const detail = e instanceof Error ? e.message : String(e);
      this.host.logError(`laatuvahti: checking ${uri} failed: ${e instanceof Error && e.stack ? e.stack : detail}`);
      const failed: Diagnostic = {
        ruleId: 'check-failed',
        severity: 'error',
        messageId: 'checkFailed',
        message: lspText('checkFailed', locale, { detail }),
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        path: [],
        docsUrl: 'https://github.com/laatuvahti/laatuvahti/blob/main/docs/built-in-rules.md#check-failed',
      };
      return { uri, version, isPlan: true, locale, diagnostics: [failed], lsp: [toLspDiagnostic(failed, uri)] };
    }
  }

  /** Schedules a check of the document's current version after the debounce delay. */
  schedule(uri: string): void {
    const doc = this.host.documents.get(uri);
    if (!doc) return;
    let st = this.states.get(uri);
    if (!st) this.states.set(uri, (st = { waiters: [], published: false, memo: new RunMemo() }));
    cancel(st);
    // The check in flight is of an older version or older settings: its result would be dropped.
    st.cancelRun?.abort();
    const version = doc.version;
    const fire = () => {
      st.timer = undefined;
      this.run(uri, version, st).catch((e: unknown) => this.host.logError(`laatuvahti: ${String(e)}`));
    };
    const delay = this.host.debounceMs();
    st.timer = delay <= 0 ? { kind: 'immediate', handle: setImmediate(fire) } : { kind: 'timeout', handle: setTimeout(fire, delay) };
  }

  /** Forgets a closed document and clears what was published for it. */
  close(uri: string): void {
    const st = this.states.get(uri);
    if (!st) return;
    cancel(st);
    st.cancelRun?.abort();
    this.states.delete(uri);
    for (const w of st.waiters.splice(0)) w(undefined);
    if (this.host.push && st.published) this.host.publish(uri, undefined, []);
  }

  /** Re-checks every open document (settings, config or rules changed). */
  recheckAll(): void {
    this.generation++;
    for (const doc of this.host.documents.all()) {
      const st = this.states.get(doc.uri);
      if (st) st.result = undefined;
      this.schedule(doc.uri);
    }
  }

  /** The result for the document's current version, if it has been checked. */
  current(uri: string): CheckResult | undefined {
    const doc = this.host.documents.get(uri);
    const r = this.states.get(uri)?.result;
    return doc && r && r.version === doc.version ? r : undefined;
  }

  /** The result for the current version, waiting for the check if needed (pull diagnostics). */
  resultFor(uri: string): Promise<CheckResult | undefined> {
    const doc = this.host.documents.get(uri);
    if (!doc) return Promise.resolve(undefined);
    const done = this.current(uri);
    if (done) return Promise.resolve(done);
    let st = this.states.get(uri);
    if (!st) this.states.set(uri, (st = { waiters: [], published: false, memo: new RunMemo() }));
    const waiting = new Promise<CheckResult | undefined>((resolve) => st.waiters.push(resolve));
    if (!st.timer && st.running !== doc.version) this.schedule(uri);
    return waiting;
  }

  private async run(uri: string, version: number, st: DocState): Promise<void> {
    await this.host.ready();
    const doc = this.host.documents.get(uri);
    if (!doc || doc.version !== version || this.states.get(uri) !== st) return;
    st.running = version;
    const generation = this.generation;
    const cancelRun = (st.cancelRun = new AbortController());
    let result: CheckResult;
    try {
      result = await this.checkText(uri, doc.getText(), version, { memo: st.memo, signal: cancelRun.signal });
    } catch (e) {
      // Cancelled by a newer edit, a settings change or closing: the newer run, if any, answers.
      if (cancelRun.signal.aborted) return;
      throw e;
    } finally {
      if (st.cancelRun === cancelRun) st.cancelRun = undefined;
      if (st.running === version) st.running = undefined;
    }
    // Stale: the document changed or closed, or settings changed, while this run was going.
    if (this.host.documents.get(uri)?.version !== version || this.states.get(uri) !== st || generation !== this.generation) return;
    st.result = result;
    // Before the diagnostics, so the client knows what an empty list means when it gets it.
    if (!!result.ignored !== !!st.ignored) this.host.ignoredChanged(uri, !!result.ignored);
    st.ignored = result.ignored;
    if (this.host.push) {
      if (result.isPlan || st.published) this.host.publish(uri, version, result.lsp);
      st.published = result.isPlan;
    }
    for (const w of st.waiters.splice(0)) w(result);
  }
}

function cancel(st: DocState): void {
  if (!st.timer) return;
  if (st.timer.kind === 'immediate') clearImmediate(st.timer.handle);
  else clearTimeout(st.timer.handle);
  st.timer = undefined;
}
