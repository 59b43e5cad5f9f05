/**
 * The compliance report (`laatuvahti/complianceReport`) of one plan or of several: core's
 * `complianceReport` for each document's text as the editor holds it (or as it is on disk),
 * checked in full (no time budget) with the document's own config, as the CLI's
 * `--format markdown` reports the same files.
 */
import { createHash } from 'node:crypto';
import { checkWithPack, complianceReport, currentDate, reportedRules, ruleOutcomes, type Locale, type ReportedPlan, type ReportedRule } from '@laatuvahti/core/internal';
import { displayPath, type FileSettings } from '@laatuvahti/core/internal/node';

/** One plan to report on. */
export interface ReportSubject {
  uri: string;
  text: string;
  /** The file path, for documents on disk. */
  file?: string;
  settings: FileSettings;
}

/** What the whole report shares. */
export interface ReportContext {
  /** The workspace folder paths are shown relative to. */
  root: string;
  locale: Locale;
  version: string;
  /** Lets other requests in between two plans' checks. */
  yieldControl: () => Promise<void>;
}

/** The report as Markdown, plans in path order. */
export async function planReport(subjects: readonly ReportSubject[], context: ReportContext): Promise<string> {
  const today = currentDate();
  const { locale } = context;
  const plans: ReportedPlan[] = [];
  const rules = new Map<string, ReportedRule>();
  for (const subject of subjects) {
    const { pack, settings } = subject.settings;
    const report = await checkWithPack(pack, subject.text, { today, locale, settings, yieldControl: context.yieldControl });
    plans.push({
      path: shownPath(subject, context.root),
      ...report,
      // Of the text as the editor holds it: unsaved changes included.
      sha256: createHash('sha256').update(subject.text, 'utf8').digest('hex'),
      ...(subject.settings.configFile ? { config: displayPath(subject.settings.configFile, context.root) } : {}),
      outcomes: ruleOutcomes(pack, report, { today, settings }),
    });
    // Plans under different configs may use different rule folders; the first title of an id wins.
    for (const [id, rule] of reportedRules(pack, locale)) if (!rules.has(id)) rules.set(id, rule);
  }
  plans.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return complianceReport({ plans, rules, locale, today, version: context.version });
}

/** The plan's file as the CLI shows it (relative to the workspace when inside it), else its URI. */
function shownPath(subject: ReportSubject, root: string): string {
  return subject.file ? displayPath(subject.file, root) : subject.uri;
}
