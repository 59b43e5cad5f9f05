/**
 * The last step for the editor: exactly one function turns a core finding into an LSP
 * diagnostic (code = rule id, link to the rule's docs, severity, related places, fix hint).
 */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { redactPersonalIds, type Diagnostic, type DiagnosticFix, type Severity } from '@laatuvahti/core/internal';

/** What a diagnostic carries in `data` for code actions. */
export interface DiagnosticData {
  fix?: DiagnosticFix;
}

/** The `source` of every diagnostic this server publishes. */
export const DIAGNOSTIC_SOURCE = 'laatuvahti';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Maps one core diagnostic of the document `uri` to an LSP diagnostic. */
export function toLspDiagnostic(d: Diagnostic, uri: string): LspDiagnostic {
  const out: LspDiagnostic = {
    range: d.range,
    severity: SEVERITIES[d.severity] ?? DiagnosticSeverity.Error,
    code: d.ruleId,
    codeDescription: { href: d.docsUrl },
    source: DIAGNOSTIC_SOURCE,
    // Core masks identity codes in its messages; this is the server's second line of defence,
    // as the CLI's output redactor is (a message may quote a key, a name or an error's text).
    message: redactPersonalIds(d.message),
  };
  if (d.related?.length) {
    out.relatedInformation = d.related.map((r) => ({ location: { uri, range: r.range }, message: redactPersonalIds(r.message) }));
  }
  if (d.fix) out.data = { fix: d.fix } satisfies DiagnosticData;
  return out;
}
