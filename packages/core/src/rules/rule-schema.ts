/**
 * Rules step: the shape of a rule file (`rules/<id>/rule.yaml`), of a reference data file and of
 * `laatuvahti.config.yaml`. Rule files are data: conditions in json-rules-engine's vocabulary
 * over named facts, messages in fi / sv / en, a source citation. Nothing in them is executed.
 */
import { z } from 'zod';
import { isIsoDate } from '../schema/primitives.js';
import { KINDS } from '../schema/common.js';
import { KNOWN_OPERATORS } from './operators.js';
import { isValidPath } from './data-path.js';
import { parseInterval } from './interval.js';
import { closest } from '../suggest.js';
import { regexSafetyProblem, type PatternUse } from './regex-safety.js';

/** Facts given to every run: the document, the current list item and its neighbours, today, options. */
export const RUN_FACTS = ['doc', 'item', 'previous', 'index', 'isLast', 'today', 'options'] as const;
/** Facts computed on demand from parameters (`params`). */
export const DERIVED_FACTS = ['countOf', 'sumOf', 'valuesOf', 'span', 'lookup', 'replaced'] as const;
export const KNOWN_FACTS: readonly string[] = [...RUN_FACTS, ...DERIVED_FACTS];

const RULE_ID_RE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MESSAGE_ID_RE = /^[a-z][A-Za-z0-9]*$/;

export const localizedText = z.strictObject({
  fi: z.string().trim().min(1),
  sv: z.string().trim().min(1),
  en: z.string().trim().min(1),
});

const path = z.string().refine(isValidPath, { message: 'not a valid path (use a.b[0].c or a[*].b)' });
const isoDate = z.string().refine(isIsoDate, { message: 'expected a date YYYY-MM-DD' });
const severity = z.enum(['error', 'warning', 'info']);

/**
 * How binding a rule's source is. The default severity follows it: a statute or Valvira's
 * regulation that says what the plan must show ("on kuvattava", "ska") is an error, national
 * guidance a warning, the practice of one document information that only the `strict` rule set
 * turns on.
 */
export const BASES = ['law', 'regulation', 'guidance', 'practice'] as const;
export type Basis = (typeof BASES)[number];

/** The shipped rule sets a config can extend (`extends: laatuvahti:strict`), as ESLint's shared configs. */
export const RULE_SETS = ['laatuvahti:recommended', 'laatuvahti:strict'] as const;
export type RuleSet = (typeof RULE_SETS)[number];

/** A requirement id on a sources page: the shipped pack's R01..., or a local pack's own. */
const REQUIREMENT_ID_RE = /^[A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*$/;

/** A fact reference, usable as a condition's `value` or as message data. */
const factRef = z.strictObject({
  fact: z.string().refine((f) => KNOWN_FACTS.includes(f), { message: `unknown fact (known: ${KNOWN_FACTS.join(', ')})` }),
  path: path.optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});

const leafCondition = z.strictObject({
  fact: z.string().refine((f) => KNOWN_FACTS.includes(f), { message: `unknown fact (known: ${KNOWN_FACTS.join(', ')})` }),
  path: path.optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  operator: z.string().refine((o) => KNOWN_OPERATORS.includes(o), { message: `unknown operator (known: ${KNOWN_OPERATORS.join(', ')})` }),
  value: z.unknown().optional(),
  /**
   * json-rules-engine's evaluation order: within `all` / `any`, conditions of a higher priority
   * run first and the rest are skipped once the outcome is known; give a costly fact (a count
   * over a whole list, per item) a lower priority than a cheap test that usually decides.
   */
  priority: z.number().int().min(1).optional(),
});

export type ConditionNode =
  | { all: ConditionNode[] }
  | { any: ConditionNode[] }
  | { not: ConditionNode }
  | z.infer<typeof leafCondition>;

export const conditionSchema: z.ZodType<ConditionNode> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
    leafCondition,
  ]),
);

/** What a check iterates over: the document (absent), list items by path, or text matches. */
export const eachSchema = z.union([
  path,
  z.array(path).min(1),
  z.strictObject({
    match: z.string().refine((s) => { try { new RegExp(s, 'u'); return true; } catch { return false; } }, { message: 'not a valid regular expression' }),
    flags: z.string().regex(/^[imsu]*$/).optional(),
    /**
     * false: a match inside a YAML comment is no subject (an old term quoted in an author's note
     * is not what the plan says). Default true: a personal identity code in a comment is as
     * public as any other text of the file.
     */
    comments: z.boolean().optional(),
  }),
]);

const reportSchema = z.strictObject({
  message: z.string().regex(MESSAGE_ID_RE),
  /** Where the finding points, relative to the subject; the subject itself when absent. */
  path: path.optional(),
  /** Point at the key token rather than the value. */
  anchor: z.enum(['key', 'value']).optional(),
  /** Message placeholders: name -> `doc.x`, `item.y`, `options.z`, `today`, or a fact reference. */
  data: z
    .record(
      z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/),
      // A list means "the first of these that is present" (e.g. the item's name, else its id).
      z.union([z.string(), factRef, z.array(z.union([z.string(), factRef])).min(1)]),
    )
    .optional(),
  /**
   * Placeholder -> message id: when that placeholder's value is missing (absent, null or blank),
   * the finding says this message instead, e.g. `{ name: noProducerUnnamed }` for a service
   * without a name. One check then covers both cases.
   */
  whenMissing: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), z.string().regex(MESSAGE_ID_RE)).optional(),
  /** Other places the finding concerns, as document paths. */
  related: z.array(z.strictObject({ path, message: z.string().regex(MESSAGE_ID_RE), anchor: z.enum(['key', 'value']).optional() })).optional(),
  /** This check's own default severity, when it differs from the rule's. */
  severity: severity.optional(),
  /**
   * A correction that needs no judgement: the reported value is to read as the placeholder
   * `replaceValue` of `data` says (e.g. the business ID with its en dash made a hyphen). Editors
   * offer it as a quick fix and `laatuvahti check --fix` applies it.
   */
  fix: z.strictObject({ replaceValue: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/) }).optional(),
});

export const checkSchema = z.strictObject({
  each: eachSchema.optional(),
  when: conditionSchema,
  report: reportSchema,
});

const optionSchema = z.strictObject({
  type: z.enum(['interval', 'number', 'string', 'boolean']),
  /** Absent: the option is unset until a config sets it, and the checks that read it find nothing. */
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  description: localizedText,
});

/** The shape of `rules/<id>/rule.yaml`. */
export const ruleFileSchema = z
  .strictObject({
    id: z.string().regex(RULE_ID_RE, { message: 'rule ids are kebab-case' }),
    kinds: z.array(z.enum(KINDS)).min(1),
    severity,
    title: localizedText,
    appliesFrom: isoDate.optional(),
    /**
     * When the rule concerns the document at all (e.g. only community housing), as a condition
     * on the document. Where it is false the rule's outcome is "not applicable" rather than
     * "met" (evidence reports, `ruleOutcomes`); the checks keep their own guards.
     */
    appliesWhen: conditionSchema.optional(),
    basis: z.enum(BASES, { message: `basis must be one of ${BASES.join(', ')}` }),
    source: z
      .strictObject({
        /** The provision, as exactly as the reader needs to find it (act, section, subsection). */
        title: localizedText,
        /** Ids on a sources page (the shipped pack's `rules/reference/sources.yaml`). */
        requirements: z.array(z.string().regex(REQUIREMENT_ID_RE, { message: 'a requirement id such as R27 or OWN-3' })).min(1).optional(),
        url: z.string().url().optional(),
      })
      // A local rule may cite its own source by title and address instead of our ids.
      .refine((s) => s.requirements !== undefined || s.url !== undefined, { message: 'cite the source by requirements (ids on a sources page) or by url' }),
    options: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/), optionSchema).optional(),
    messages: z.record(z.string().regex(MESSAGE_ID_RE), localizedText),
    checks: z.array(checkSchema).min(1),
  })
  .superRefine((rule, ctx) => {
    for (const [name, opt] of Object.entries(rule.options ?? {})) {
      if (opt.default !== undefined && !optionValueValid(opt.type, opt.default)) {
        ctx.addIssue({ code: 'custom', path: ['options', name, 'default'], message: `default is not a valid ${opt.type}` });
      }
    }
    rule.checks.forEach((check, i) => {
      const ids = [check.report.message, ...Object.values(check.report.whenMissing ?? {}), ...(check.report.related ?? []).map((r) => r.message)];
      for (const id of ids) {
        if (!rule.messages[id]) ctx.addIssue({ code: 'custom', path: ['checks', i, 'report'], message: `message "${id}" is not defined under messages` });
      }
      const fixFrom = check.report.fix?.replaceValue;
      if (fixFrom && !check.report.data?.[fixFrom]) ctx.addIssue({ code: 'custom', path: ['checks', i, 'report', 'fix', 'replaceValue'], message: `placeholder "${fixFrom}" is not defined under data` });
      for (const name of Object.keys(check.report.whenMissing ?? {})) {
        if (!check.report.data?.[name]) ctx.addIssue({ code: 'custom', path: ['checks', i, 'report', 'whenMissing', name], message: `placeholder "${name}" is not defined under data` });
      }
      for (const name of optionNames(check.when)) {
        if (!rule.options?.[name]) ctx.addIssue({ code: 'custom', path: ['checks', i, 'when'], message: `option "${name}" is not declared under options` });
      }
    });
    // Rule files may come from anywhere: a pattern that can backtrack for ever is refused here.
    for (const p of rulePatterns(rule)) {
      const problem = regexSafetyProblem(p.pattern, p.flags, p.use);
      if (problem) ctx.addIssue({ code: 'custom', path: p.path, message: `rule "${rule.id}": the pattern "${p.pattern}" ${problem}` });
    }
  });

/** A regular expression in a rule file, with where it is and how it is used. */
interface RulePattern {
  path: (string | number)[];
  pattern: string;
  flags: string;
  use: PatternUse;
}

/**
 * Every regular expression of a rule: `each: {match}` (a text scan), the value of each
 * `matches` / `notMatches` condition (in `when`, `appliesWhen` and `where` filters alike), and
 * the `pattern` of each `replaced` fact, wherever they are nested.
 */
function rulePatterns(rule: { checks: unknown[]; appliesWhen?: unknown }): RulePattern[] {
  const out: RulePattern[] = [];
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (Array.isArray(node)) {
      node.forEach((x, i) => walk(x, [...path, i]));
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    if (path.at(-1) === 'each' && typeof o.match === 'string') {
      out.push({ path: [...path, 'match'], pattern: o.match, flags: typeof o.flags === 'string' ? o.flags : '', use: 'text' });
    }
    if ((o.operator === 'matches' || o.operator === 'notMatches') && typeof o.value === 'string') {
      out.push({ path: [...path, 'value'], pattern: o.value, flags: '', use: 'value' });
    }
    const params = o.params as Record<string, unknown> | undefined;
    if (o.fact === 'replaced' && typeof params?.pattern === 'string') {
      out.push({ path: [...path, 'params', 'pattern'], pattern: params.pattern, flags: '', use: 'value' });
    }
    for (const [key, value] of Object.entries(o)) walk(value, [...path, key]);
  };
  walk(rule.checks, ['checks']);
  if (rule.appliesWhen !== undefined) walk(rule.appliesWhen, ['appliesWhen']);
  return out;
}

export type RuleFile = z.infer<typeof ruleFileSchema>;
export type RuleCheck = z.infer<typeof checkSchema>;
export type EachSpec = z.infer<typeof eachSchema>;

/** Options a condition tree reads through the `options` fact. */
function optionNames(node: ConditionNode): string[] {
  if ('all' in node) return node.all.flatMap(optionNames);
  if ('any' in node) return node.any.flatMap(optionNames);
  if ('not' in node) return optionNames(node.not);
  const names: string[] = [];
  if (node.fact === 'options' && node.path) names.push(node.path.split(/[.[]/)[0]!);
  const v = node.value as { fact?: unknown; path?: unknown } | undefined;
  if (v && typeof v === 'object' && v.fact === 'options' && typeof v.path === 'string') names.push(v.path.split(/[.[]/)[0]!);
  return names;
}

/** True when `value` is a valid value for an option of `type`. */
export function optionValueValid(type: 'interval' | 'number' | 'string' | 'boolean', value: unknown): boolean {
  switch (type) {
    case 'interval':
      return parseInterval(value) !== undefined;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
  }
}

/** A reference data file (`rules/reference/<table>.yaml`): rows for the `lookup` fact. */
export const referenceFileSchema = z.strictObject({
  table: z.string().regex(RULE_ID_RE),
  description: z.string().optional(),
  rows: z.array(z.record(z.string(), z.unknown())),
});
export type ReferenceFile = z.infer<typeof referenceFileSchema>;

/** What a config may set a rule to; `warn` is ESLint's word for `warning` and is read as it. */
const SETTING_SEVERITIES = ['off', 'info', 'warning', 'warn', 'error'] as const;
const SETTING_NAMES = 'off, info, warning (or warn), error';
const settingSeverity = z.enum(SETTING_SEVERITIES).transform((s) => (s === 'warn' ? 'warning' : s));

/**
 * zod says only "Invalid input" when no branch of a union fits; a rule setting names what it
 * may be instead, and the closest severity for a typo (`warnig`).
 */
function ruleSettingError(input: unknown): string {
  const severityProblem = (value: unknown) => {
    const s = typeof value === 'string' ? closest(value, SETTING_SEVERITIES) : undefined;
    return `${JSON.stringify(value)} is not a severity: use ${SETTING_NAMES}${s ? ` (did you mean "${s}"?)` : ''}`;
  };
  if (typeof input === 'string') return severityProblem(input);
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    const setting = input as Record<string, unknown>;
    const unknown = Object.keys(setting).filter((k) => k !== 'severity' && k !== 'options');
    if (unknown.length) return `a rule setting has only "severity" and "options", not ${unknown.map((k) => `"${k}"`).join(', ')}`;
    if (setting.severity !== undefined && !(SETTING_SEVERITIES as readonly unknown[]).includes(setting.severity)) return `severity: ${severityProblem(setting.severity)}`;
    return 'options: each option is a name with a text, a number or true/false as its value';
  }
  return `a rule setting is a severity (${SETTING_NAMES}) or { severity, options }, not ${input === null ? 'null' : Array.isArray(input) ? 'a list' : JSON.stringify(input)}`;
}

const ruleSetting = z.union(
  [
    settingSeverity,
    z.strictObject({
      severity: settingSeverity.optional(),
      options: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    }),
  ],
  { error: (issue) => ruleSettingError(issue.input) },
);

/** `rules:` of a config or of one of its overrides, by rule id. */
const ruleSettings = z.record(z.string(), ruleSetting);

/**
 * A glob of `files` / `excludedFiles` in `overrides`, or of `ignores`: relative to the config
 * file's folder, with forward slashes.
 */
const glob = z.string().min(1).refine((g) => !g.includes('\\'), { message: 'use forward slashes (/) in globs' });
const globs = z.union([glob, z.array(glob).min(1)]);

const shippedSet = z.enum(RULE_SETS, { message: `a shipped rule set is ${RULE_SETS.join(' or ')}` });

/**
 * One entry of `extends`: a shipped rule set (`laatuvahti:strict`) or the path of another config
 * file, relative to this one (`../common/laatuvahti.config.yaml`). A name with the `laatuvahti:`
 * prefix that is not a shipped set is refused here, before any file is looked for.
 */
const extendsEntry = z.string().min(1).refine((e) => !e.startsWith('laatuvahti:') || (RULE_SETS as readonly string[]).includes(e), {
  message: `extends names a shipped rule set (${RULE_SETS.join(' or ')}) or a config file's path`,
}).meta({ examples: [...RULE_SETS] }); // offered as completions by the config file's JSON schema

/** One entry of `overrides`: settings for the files its globs match, as ESLint's overrides. */
const overrideSchema = z.strictObject({
  files: globs,
  excludedFiles: globs.optional(),
  extends: z.union([shippedSet, z.array(shippedSet).min(1)]).optional(),
  locale: z.enum(['fi', 'sv', 'en']).optional(),
  rules: ruleSettings.optional(),
});

/** The shape of `laatuvahti.config.yaml`. */
export const configFileSchema = z.strictObject({
  /** Stops the walk up the folders: configs above this one are not read. */
  root: z.boolean().optional(),
  /**
   * What this config builds on, in order (each later one wins): the shipped rule sets
   * `laatuvahti:recommended` (the default) and `laatuvahti:strict`, and other config files.
   */
  extends: z.union([extendsEntry, z.array(extendsEntry).min(1)]).optional(),
  locale: z.enum(['fi', 'sv', 'en']).optional(),
  rules: ruleSettings.optional(),
  ruleDirs: z.array(z.string().min(1)).optional(),
  /** Files and folders not to check, in .gitignore syntax, relative to this config's folder. */
  ignores: z.array(z.string().min(1)).optional(),
  /** Settings for some files only, applied in order after this config's own. */
  overrides: z.array(overrideSchema).optional(),
});
export type ConfigFile = z.infer<typeof configFileSchema>;
export type ConfigOverride = z.infer<typeof overrideSchema>;
/** The shipped rule sets chosen, as a check's caller gives them (`extends` without file paths). */
export type RuleSetChoice = RuleSet | readonly RuleSet[];

/** Keys that would reach an object's prototype when a map of the config is copied. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];
