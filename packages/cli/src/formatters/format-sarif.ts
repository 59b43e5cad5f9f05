/**
 * CLI, formatting step: SARIF 2.1.0 for code-scanning tools. `tool.driver.rules` carries each
 * rule's title, documentation link, default level and source citation; each finding is a
 * result with a 1-based region (columns in UTF-16 code units, as LSP counts them); suppressed
 * findings are results with an in-source suppression and its justification. With `--baseline`
 * every result has a `baselineState`, and the findings the baseline records carry an accepted
 * external suppression, so code scanning does not raise them again.
 */
import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatPath, localizedRuleDocs, redactPersonalIds, type Diagnostic, type Locale, type Severity } from '@laatuvahti/core/internal';
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
  /** The finding's identity across commits (see findingFingerprints). */
  partialFingerprints?: Record<string, string>;
  properties?: Record<string, unknown>;
}

/**
 * Where a file is: relative to the source root (`plans/a b.yaml` -> `plans/a%20b.yaml`), or a
 * `file:` URI when it lies outside the working folder. An identity code in the path is masked
 * before the path is encoded: encoded (`a%20120468-937R`, `120468%2B937R`), the output's
 * redactor could no longer tell it is one.
 */
function artifactLocation(file: FileResult): { uri: string; uriBaseId?: string } {
  if (isAbsolute(file.path)) return { uri: fileUri(file.file) };
  return { uri: redactPersonalIds(file.path).split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** A `file:` URI of a path, its identity codes masked first (see above). */
function fileUri(path: string): string {
  return pathToFileURL(redactPersonalIds(path)).href;
}

/** The `partialFingerprints` key: versioned, as SARIF 2.1.0 (§3.27.17) recommends. */
export const FINGERPRINT_KEY = 'laatuvahtiFinding/v1';

/**
 * A fingerprint for each finding of a file, so that code scanning knows a finding again in a
 * later commit after lines above it were added or removed: a hash of the rule id, the
 * message id, the data path with its list positions left out (an item inserted above would
 * shift them; the item's name is in the message) and the message with its numbers left out (a
 * plan's age in days changes daily), masked for identity codes before hashing (a hash of a
 * code gives it away to whoever tries the few million there are). Never the line or column. A
 * counter in position order tells findings apart that agree in all of these. Messages are in
 * the run's locale, so keep `--locale` fixed between runs.
 */
export function findingFingerprints(file: Pick<FileResult, 'diagnostics' | 'suppressed' | 'baselined'>): Map<Diagnostic, string> {
  const all = [...file.diagnostics, ...file.suppressed, ...(file.baselined ?? [])];
  const byPosition = [...all].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const seen = new Map<string, number>();
  const out = new Map<Diagnostic, string>();
  for (const d of byPosition) {
    const path = formatPath(d.path).replace(/\[\d+\]/g, '[]');
    const message = d.message.replace(/\d+/g, '0').replace(/\s+/g, ' ').trim();
    const identity = redactPersonalIds([d.ruleId, d.messageId, path, message].join('\u0000'));
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    out.set(d, createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex').slice(0, 32));
  }
  return out;
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
  const toResult = (file: FileResult, d: Diagnostic, fingerprint: string | undefined, inBaseline = false): SarifResult => {
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
      ...(fingerprint ? { partialFingerprints: { [FINGERPRINT_KEY]: fingerprint } } : {}),
      properties: { messageId: d.messageId, ...(d.source ? { source: d.source.title[input.locale], requirements: d.source.requirements } : {}) },
    };
  };
  for (const file of checkedFiles(input)) {
    const fingerprints = findingFingerprints(file);
    for (const d of file.diagnostics) results.push(toResult(file, d, fingerprints.get(d)));
    for (const d of file.suppressed) results.push(toResult(file, d, fingerprints.get(d)));
    for (const d of file.baselined ?? []) results.push(toResult(file, d, fingerprints.get(d), true));
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
        originalUriBaseIds: { [SRCROOT]: { uri: fileUri(input.cwd).replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true }],
        results,
        properties: { today: input.today, summary: input.summary },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
