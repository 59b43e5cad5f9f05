/**
 * Shared types of the checker: the diagnostic shape every consumer (CLI, language server,
 * importing systems) sees. Ranges use the LSP convention (0-based line and UTF-16 character).
 */

/** A 0-based position, as in the Language Server Protocol. */
export interface Position {
  line: number;
  character: number;
}

/** A half-open range [start, end), as in the Language Server Protocol. */
export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type Locale = 'fi' | 'sv' | 'en';
export const LOCALES: readonly Locale[] = ['fi', 'sv', 'en'];

/** A segment of a data path: a mapping key or a sequence index. */
export type PathSegment = string | number;
export type DataPath = readonly PathSegment[];

/** Where a rule's requirement comes from (a statute, guidance or a seed document). */
export interface SourceCitation {
  /** Human-readable citation per locale, e.g. "valvontalaki 741/2023 § 27". */
  title: Record<Locale, string>;
  /** Requirement ids on the rule pack's sources page (docs/sources.md for the shipped pack), e.g. ["R39"]. */
  requirements: string[];
  /** How binding the source is: a statute, Valvira's regulation, national guidance or one unit's practice. */
  basis: 'law' | 'regulation' | 'guidance' | 'practice';
  /** Optional link to the public source text. */
  url?: string;
}

/** A second place a finding concerns (e.g. the list an id should be in). */
export interface RelatedLocation {
  path: DataPath;
  range: Range;
  message: string;
}

/** A suppression that silenced a finding. */
export interface AppliedSuppression {
  /** The reason written after `--` in the comment. */
  justification: string;
  /** Expiry date, when the comment gave one. */
  until?: string;
  /** The line of the suppression comment (0-based). */
  line: number;
}

/** One finding. */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Message id within the rule (built-in ids for engine diagnostics). */
  messageId: string;
  range: Range;
  /** Data path of the finding in the document; [] for the whole document. */
  path: DataPath;
  /** Where the requirement comes from (absent for syntax errors). */
  source?: SourceCitation;
  /** Link to the rule's documentation. */
  docsUrl: string;
  /** Other places the finding concerns. */
  related?: RelatedLocation[];
  /** Suggested replacement text for the value/key at `range` ("did you mean"). */
  suggestion?: string;
  /** Set when a suppression comment silenced this finding. */
  suppressed?: AppliedSuppression;
  /** Data for quick fixes: e.g. the missing key that should be inserted under `path`. */
  fix?: DiagnosticFix;
}

/** Machine-readable hint for editors' quick fixes. */
export type DiagnosticFix =
  | { kind: 'insertKey'; parentPath: DataPath; key: string }
  | { kind: 'replaceValue'; path: DataPath; value: string }
  | { kind: 'renameKey'; path: DataPath; key: string }
  /** Replace the text at the finding's own range (e.g. a misspelt rule id in a comment). */
  | { kind: 'replaceText'; value: string };
