/**
 * `@laatuvahti/core/internal`: everything the CLI and the language server use from core. Not a
 * public API: names here may change in any release. Integrators use `@laatuvahti/core`
 * (index.ts), whose few entry points are built on these.
 */
export { check, checkDocument, checkData, catalogRules, ruleDocumentation, plansComplianceReport, type PublicCheckOptions, type DocumentReport, type CatalogOptions, type PlanForReport } from './api.js';
export { planDataText, pathAtOffset, PlanDataError } from './plan-data.js';
export { checkWithPack, currentDate, type CheckOptions, type CheckReport } from './check.js';
export { getDefaultPack, bundledPackSource } from './default-pack.js';
export { RunMemo } from './rules/run-pack.js';
export { compilePack, RunQueue, DOCS_BASE_URL, type CompiledPack, type CompiledRule, type PackSource } from './rules/compile-pack.js';
export { resolveSettings, effectiveSeverity, defaultSeverity, defaultRuleOptions, type ResolvedSettings, type RuleSettings } from './settings.js';
export { readRuleFile, readReferenceFile, readConfigFile, readDefinition, ruleLoadDiagnostic, type FileDiagnostic, type ReadResult } from './rules/read-definitions.js';
export { ruleFileSchema, configFileSchema, referenceFileSchema, KNOWN_FACTS, BASES, RULE_SETS, type Basis, type RuleSet, type RuleSetChoice, type ConfigOverride, type RuleFile, type ConfigFile, type ReferenceFile, type RuleCheck } from './rules/rule-schema.js';
export { KNOWN_OPERATORS, OPERATORS, isEmptyValue } from './rules/operators.js';
export { isValidBusinessId, isValidPersonalId, maskIdentifier, redactPersonalIds, PERSONAL_ID_SCAN_RE } from './rules/checksums.js';
export { applyFixes, AUTO_FIX_KINDS, type FixEdit, type FixResult } from './fixes.js';
export { ruleOutcomes, type RuleOutcome, type RuleOutcomeKind, type OutcomeInput } from './outcomes.js';
export { complianceReport, reportedRules, markdownText, SEVERITY_NAMES, reportWords, planResult, ruleCountsAcrossPlans, outcomeCounts, outcomeText, sourceText, OUTCOME_MARKS, OUTCOME_ORDER, type ComplianceReportInput, type ReportedPlan, type ReportedRule, type ReportWords, type PlanResult } from './report/compliance-report.js';
export { parseInterval, addInterval, isLongerThan } from './rules/interval.js';
export { parsePath, formatPath, getAt, expandPath, toDataPath } from './rules/data-path.js';
export { parseText, parsePlanText, positionAt, rangeOf, type ParsedText, type SyntaxProblem } from './parse/parse-text.js';
export { locatePath, type Location } from './parse/locate.js';
export { isPlanText } from './plan-detect.js';
export { schemasByKind, selfMonitoringPlanSchema, serviceDescriptionSchema, API_VERSION, KINDS, KIND_NAMES, type PlanKind, type SelfMonitoringPlan, type ServiceDescription } from './schema/index.js';
export { schemaAt, knownKeys, enumValues, validateShape } from './schema/validate-shape.js';
export { descriptionsOf } from './schema/meta.js';
export { keySkeleton, placeholderValue, renderScalar, schemaKind, unwrapSchema, type SchemaKind, type SkeletonOptions } from './schema/key-skeleton.js';
export { createPlanSkeleton, type PlanSkeletonOptions } from './skeleton.js';
export { importPlan, importFormatOf, decodeSourceText, type ImportSource, type ImportOptions, type ImportResult, type ImportedHeading, type ImportStats } from './import/import-plan.js';
export { ImportError, type ImportErrorCode } from './import/import-error.js';
export { BUILTIN_RULES, BUILTIN_SEVERITIES, BUILTIN_TITLES, BUILTIN_MESSAGES, type BuiltinRuleId } from './messages/builtin-messages.js';
export { builtinDocsUrl } from './messages/docs.js';
export { BASIS_NAMES, OFF_BY_DEFAULT } from './messages/basis-names.js';
export { formatMessage } from './messages/format-message.js';
export { localizedRuleDocs, ruleSummary, README_HEADINGS, README_OPTIONAL_HEADINGS } from './messages/rule-docs.js';
export { closest, editDistance } from './suggest.js';
export { findSuppressions, type Suppression } from './suppressions.js';
export * from './types.js';
