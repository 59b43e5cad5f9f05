/**
 * The code lens over a plan's first line: how many of the rules that concern it are met, not
 * met or excepted, from the last check of the version shown; clicking it opens the compliance
 * report (the VS Code extension's command; other editors show the text).
 */
import type { CodeLens } from 'vscode-languageserver';
import type { CheckResult } from './document-checker.js';
import { lspText } from './lsp-messages.js';

/** The command the lens runs (contributed by the VS Code extension). */
export const SHOW_REPORT_COMMAND = 'laatuvahti.showComplianceReport';

/** The lens for a check result; none for YAML that is not a plan or a plan no rule could run on. */
export function provideCodeLens(result: CheckResult | undefined): CodeLens[] {
  // The only sign in the editor that a plan is left out on purpose; a label, nothing to run.
  if (result?.ignored) return [{ range: FIRST_LINE, command: { title: lspText('ignoredByConfig', result.locale), command: '' } }];
  const outcomes = result?.outcomes;
  if (!result?.isPlan || !outcomes?.length) return [];
  const n = (...kinds: string[]) => outcomes.filter((o) => kinds.includes(o.outcome)).length;
  const applicable = outcomes.length - n('not-applicable', 'off', 'not-in-force');
  const { locale } = result;
  const parts = [lspText('rulesMet', locale, { met: n('passed'), applicable })];
  if (n('failed')) parts.push(lspText('rulesNotMet', locale, { count: n('failed') }));
  if (n('suppressed', 'baselined')) parts.push(lspText('rulesExcepted', locale, { count: n('suppressed', 'baselined') }));
  if (n('not-evaluated')) parts.push(lspText('rulesNotEvaluated', locale));
  const title = `${parts.join(' · ')} → ${lspText('showReport', locale)}`;
  return [{ range: FIRST_LINE, command: { title, command: SHOW_REPORT_COMMAND } }];
}

const FIRST_LINE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
