/**
 * Status bar step: what the Laatuvahti item shows for the active editor, computed from plain
 * data (is it a plan, has the server checked it, how many findings) so it can be unit-tested.
 */
import type { UiLocale } from './resolve-locale.js';
import { uiMessages, type Counts } from './ui-messages.js';

/** What the extension knows about the active editor's document. */
export interface StatusInput {
  /** There is an active editor holding a YAML document. */
  isYaml: boolean;
  /** The document is a plan file (header check, or the server has reported findings in it). */
  isPlan: boolean;
  /** The server has published diagnostics for the document since it was opened. */
  checked: boolean;
  /** The configs' `ignores` leave the document out: it is not checked. */
  ignored?: boolean;
  /** Laatuvahti's findings in the document. */
  counts: Counts;
  /** The document's name, for the tooltip. */
  fileName: string;
}

/** The item's look. */
export interface StatusView {
  visible: boolean;
  /** Label with a codicon: $(check), $(sync~spin), $(circle-slash), $(error), $(warning) or $(info). */
  text: string;
  tooltip: string;
  /** What a screen reader says: the file and its state, without icons. */
  accessibilityLabel: string;
}

/** Computes the status bar item for the active editor. */
export function computeStatus(input: StatusInput, locale: UiLocale): StatusView {
  const m = uiMessages(locale);
  const tooltip = m.statusTooltip(input.fileName);
  const view = (icon: string, label: string): StatusView =>
    ({ visible: true, text: `$(${icon}) ${label}`, tooltip, accessibilityLabel: `Laatuvahti, ${input.fileName}: ${label}` });
  if (!input.isYaml || !input.isPlan) return { visible: false, text: '', tooltip, accessibilityLabel: '' };
  if (!input.checked) return view('sync~spin', m.checking);
  // Not "no findings": nothing was looked for.
  if (input.ignored) return view('circle-slash', m.notChecked);
  const { errors, warnings, infos } = input.counts;
  if (errors + warnings + infos === 0) return view('check', m.noFindings);
  return view(errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'info', m.counts(input.counts));
}

/** Severity numbering of the two APIs: LSP counts from 1 (Error), VS Code from 0 (Error). */
export type SeverityScale = 'lsp' | 'vscode';

/**
 * Counts findings by severity. Hints count as notes; a missing severity is an error, as the
 * LSP specification lets clients assume.
 */
export function countFindings(diagnostics: readonly { severity?: number }[], scale: SeverityScale): Counts {
  const offset = scale === 'lsp' ? 1 : 0;
  const counts: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) {
    const s = d.severity === undefined ? 0 : d.severity - offset;
    if (s <= 0) counts.errors++;
    else if (s === 1) counts.warnings++;
    else counts.infos++;
  }
  return counts;
}
