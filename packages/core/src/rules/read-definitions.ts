/**
 * Rules step: rule, reference and config files as text -> validated data, with `rule-load`
 * diagnostics that point into the faulty file itself (line and column). Pure: node.ts does the
 * reading from disk.
 */
import type { z } from 'zod';
import { parseText, rangeOf, type ParsedText } from '../parse/parse-text.js';
import { locatePath } from '../parse/locate.js';
import { builtinMessage } from '../messages/format-message.js';
import { formatPath } from './data-path.js';
import type { DataPath, Diagnostic, Locale, Range } from '../types.js';
import { configFileSchema, FORBIDDEN_KEYS, referenceFileSchema, ruleFileSchema, type ConfigFile, type ReferenceFile, type RuleFile } from './rule-schema.js';
import { builtinDocsUrl } from '../messages/docs.js';

/** A diagnostic about a file other than the checked document. */
export interface FileDiagnostic {
  uri: string;
  diagnostic: Diagnostic;
}

/** Result of reading a definition file. */
export interface ReadResult<T> {
  value?: T;
  diagnostics: FileDiagnostic[];
}

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A `rule-load` diagnostic about a rule, reference or config file (the whole file by default). */
export function ruleLoadDiagnostic(uri: string, detail: string, locale: Locale, path: DataPath = [], range: Range = FILE_START): FileDiagnostic {
  return {
    uri,
    diagnostic: {
      ruleId: 'rule-load',
      severity: 'error',
      messageId: 'ruleFileInvalid',
      message: builtinMessage('ruleFileInvalid', locale, { detail }),
      range,
      path,
      docsUrl: builtinDocsUrl('rule-load'),
    },
  };
}

function loadDiagnostic(uri: string, parsed: ParsedText, start: number, end: number, detail: string, path: (string | number)[], locale: Locale): FileDiagnostic {
  return ruleLoadDiagnostic(uri, detail, locale, path, rangeOf(parsed.lineCounter, start, end));
}

/** A problem found in a definition's plain value before its schema is applied. */
interface PreProblem {
  path: (string | number)[];
  message: string;
}

/**
 * Parses YAML text and validates it with a schema; every problem points into the file.
 * `precheck` looks at the plain value first, for what the schema cannot see (see readConfigFile).
 */
export function readDefinition<T>(schema: z.ZodType<T>, text: string, uri: string, locale: Locale = 'en', precheck?: (value: unknown) => PreProblem[]): ReadResult<T> {
  const parsed = parseText(text);
  const errors = parsed.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    // The first syntax error is the one to fix; the rest usually follow from it.
    const first = errors[0]!;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more after it)` : '';
    const hint = /\[\*\]/.test(text) && /flow|collection|indicator/i.test(first.message)
      ? '. Hint: inside { } quote a path that contains [*], e.g. "doc.services[*].name"'
      : '';
    return { diagnostics: [loadDiagnostic(uri, parsed, first.start, first.end, `YAML: ${first.message}${more}${hint}`, [], locale)] };
  }
  let value: unknown;
  try {
    value = parsed.doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { diagnostics: [loadDiagnostic(uri, parsed, 0, 0, (e as Error).message, [], locale)] };
  }
  const early = precheck?.(value) ?? [];
  if (early.length > 0) {
    return {
      diagnostics: early.map((p) => {
        const loc = locatePath(parsed, p.path, 'key');
        return loadDiagnostic(uri, parsed, loc.start, loc.end, `${formatPath(p.path)}: ${p.message}`, p.path, locale);
      }),
    };
  }
  const result = schema.safeParse(value ?? {}, { jitless: true }); // as in validateShape
  if (result.success) return { value: result.data, diagnostics: [] };
  const diagnostics = result.error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const where = path.length ? `${formatPath(path)}: ` : '';
    const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
    const loc = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined
      ? locatePath(parsed, [...path, issue.keys[0]], 'key')
      : locatePath(parsed, path);
    return loadDiagnostic(uri, parsed, loc.start, loc.end, `${where}${issue.message}${keys}`, path, locale);
  });
  return { diagnostics };
}

/** Reads `rules/<id>/rule.yaml`; the id must match the folder name when one is given. */
export function readRuleFile(text: string, uri: string, folderName?: string, locale: Locale = 'en'): ReadResult<RuleFile> {
  const result = readDefinition(ruleFileSchema, text, uri, locale);
  if (result.value && folderName !== undefined && result.value.id !== folderName) {
    const parsed = parseText(text);
    const loc = locatePath(parsed, ['id']);
    return {
      diagnostics: [loadDiagnostic(uri, parsed, loc.start, loc.end, `id "${result.value.id}" does not match its folder "${folderName}"`, ['id'], locale)],
    };
  }
  return result;
}

/** Reads a reference data file. */
export function readReferenceFile(text: string, uri: string, locale: Locale = 'en'): ReadResult<ReferenceFile> {
  return readDefinition(referenceFileSchema, text, uri, locale);
}

/** Reads `laatuvahti.config.yaml` (structure only; rule ids and options are checked against a pack). */
export function readConfigFile(text: string, uri: string, locale: Locale = 'en'): ReadResult<ConfigFile> {
  return readDefinition(configFileSchema, text, uri, locale, forbiddenConfigKeys);
}

/**
 * `rules: { __proto__: off }`: zod copies a map key by key, and assigning `__proto__` sets the
 * copy's prototype instead, so the entry vanished without a word (and `constructor` /
 * `prototype` name no rule either). Such keys under `rules` or a rule's `options` are refused.
 */
function forbiddenConfigKeys(value: unknown): PreProblem[] {
  const problems: PreProblem[] = [];
  const rulesAt = (rules: unknown, path: (string | number)[]) => {
    if (!isPlainMap(rules)) return;
    for (const [id, setting] of Object.entries(rules)) {
      if (FORBIDDEN_KEYS.includes(id)) problems.push({ path: [...path, id], message: `"${id}" is not a rule id (it would reach the prototype of every object)` });
      else if (isPlainMap(setting) && isPlainMap(setting.options)) {
        for (const name of Object.keys(setting.options)) {
          if (FORBIDDEN_KEYS.includes(name)) problems.push({ path: [...path, id, 'options', name], message: `"${name}" is not an option name (it would reach the prototype of every object)` });
        }
      }
    }
  };
  if (!isPlainMap(value)) return problems;
  rulesAt(value.rules, ['rules']);
  if (Array.isArray(value.overrides)) value.overrides.forEach((o, i) => isPlainMap(o) && rulesAt(o.rules, ['overrides', i, 'rules']));
  return problems;
}

function isPlainMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
