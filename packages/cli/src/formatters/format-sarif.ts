/**
 * CLI, formatting step: SARIF 2.1.0 for code-scanning tools. `tool.driver.rules` carries each
 * rule's title, documentation link, default level and source citation; each finding is a
 * result with a 1-based region (columns in UTF-16 code units, as LSP counts them); suppressed
 * findings are results with an in-source suppression and its justification. With `--baseline`
 * every result has a `baselineState`, and the findings the baseline records carry an accepted
 * external suppression, so code scanning does not raise them again.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { localizedRuleDocs, type Diagnostic, type Locale, type Severity } from '@laatuvahti/core';
import type { RuleInfo } from '../rule-catalog.js';
import type { FileResult } from '../run-result.js';
import { checkedFiles, toRegion, type Formatter } from './report-input.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note';

const LEVELS: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note' };

/** The parts of SARIF 2.1.0 this formatter writes. */
interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId?: string };
    region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
  };
  message?: { text: string };
}

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: Level;
  message: { text: string };
  locations: SarifLocation[];
  relatedLocations?: (SarifLocation & { id: number })[];
  /** `inSource`: a suppression comment; `external`: recorded in the baseline file. */
  suppressions?: { kind: 'inSource' | 'external'; status: 'accepted'; justification: string; properties?: { until: string } }[];
  /** With `--baseline`: `unchanged` for findings the baseline records, `new` for the others. */
  baselineState?: 'new' | 'unchanged';
  properties?: Record<string, unknown>;
}

/**
 * Where a file is: relative to the source root (`plans/a b.yaml` -> `plans/a%20b.yaml`), or a
 * `file:` URI when it lies outside the working folder.
 */
function artifactLocation(file: FileResult): { uri: string; uriBaseId?: string } {
  if (isAbsolute(file.path)) return { uri: pathToFileURL(file.file).href };
  return { uri: file.path.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** A rule for `tool.driver.rules`; its help is the README in the report's language. */
function ruleDescriptor(r: RuleInfo, locale: Locale) {
  const citation = r.source ? `${r.source.title} (${r.source.requirements.join(', ')})` : undefined;
  return {
    id: r.id,
    name: r.id,
    shortDescription: { text: r.title },
    ...(citation ? { fullDescription: { text: `${r.title}. ${citation}` } } : {}),
    helpUri: r.docsUrl,
    ...(r.readme ? { help: { text: `${r.title}. ${r.docsUrl}`, markdown: localizedRuleDocs(r.readme, locale) } } : {}),
    defaultConfiguration: { level: LEVELS[r.severity] },
    properties: {
      ...(r.source ? { source: r.source.title, requirements: r.source.requirements, ...(r.source.url ? { sourceUrl: r.source.url } : {}) } : {}),
      kinds: r.kinds,
      builtin: r.builtin,
      tags: ['laatuvahti', ...(r.builtin ? ['built-in'] : [])],
    },
  };
}

/** The SARIF 2.1.0 log (one run). */
export const formatSarif: Formatter = (input) => {
  const ruleIndex = new Map(input.rules.map((r, i) => [r.id, i]));
  const rules = input.rules.map((r) => ruleDescriptor(r, input.locale));
  const results: SarifResult[] = [];
  const toResult = (file: FileResult, d: Diagnostic, inBaseline = false): SarifResult => {
    const location = (range: Diagnostic['range'], message?: string): SarifLocation => ({
      physicalLocation: { artifactLocation: artifactLocation(file), region: toRegion(range) },
      ...(message ? { message: { text: message } } : {}),
    });
    const index = ruleIndex.get(d.ruleId);
    return {
      ruleId: d.ruleId,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: LEVELS[d.severity],
      message: { text: d.message },
      locations: [location(d.range)],
      ...(d.related?.length ? { relatedLocations: d.related.map((r, i) => ({ id: i + 1, ...location(r.range, r.message) })) } : {}),
      ...(d.suppressed
        ? { suppressions: [{ kind: 'inSource' as const, status: 'accepted' as const, justification: d.suppressed.justification, ...(d.suppressed.until ? { properties: { until: d.suppressed.until } } : {}) }] }
        : inBaseline
          ? { suppressions: [{ kind: 'external' as const, status: 'accepted' as const, justification: `Recorded in the baseline ${input.baseline ?? ''}`.trim() }] }
          : {}),
      ...(input.baseline ? { baselineState: inBaseline ? ('unchanged' as const) : ('new' as const) } : {}),
      properties: { messageId: d.messageId, ...(d.source ? { source: d.source.title[input.locale], requirements: d.source.requirements } : {}) },
    };
  };
  for (const file of checkedFiles(input)) {
    for (const d of file.diagnostics) results.push(toResult(file, d));
    for (const d of file.suppressed) results.push(toResult(file, d));
    for (const d of file.baselined ?? []) results.push(toResult(file, d, true));
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'laatuvahti',
            version: input.version,
            semanticVersion: input.version,
            informationUri: 'https://github.com/laatuvahti/laatuvahti',
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(input.cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true }],
        results,
        properties: { today: input.today, summary: input.summary },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
