/**
 * The compliance report of one plan (`laatuvahti/complianceReport`): core's `complianceReport`
 * for the document's text as the editor holds it, checked in full (no time budget) with the
 * document's config, as the CLI's `--format markdown` reports it for the file.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import { checkWithPack, complianceReport, currentDate, reportedRules, ruleOutcomes, type Locale } from '@laatuvahti/core';
import type { FileSettings } from '@laatuvahti/core/node';

/** What to report on. */
export interface PlanReportSubject {
  uri: string;
  text: string;
  /** The file path, for documents on disk. */
  file?: string;
  /** The workspace folder paths are shown relative to. */
  root: string;
  settings: FileSettings;
  locale: Locale;
  version: string;
}

/** The report as Markdown. */
export async function planReport(subject: PlanReportSubject): Promise<string> {
  const { settings, locale } = subject;
  const today = currentDate();
  const report = await checkWithPack(settings.pack, subject.text, { today, locale, settings: settings.settings });
  return complianceReport({
    plans: [
      {
        path: shownPath(subject),
        ...report,
        // Of the text as the editor holds it: unsaved changes included.
        sha256: createHash('sha256').update(subject.text, 'utf8').digest('hex'),
        outcomes: ruleOutcomes(settings.pack, report, { today, settings: settings.settings }),
      },
    ],
    rules: reportedRules(settings.pack, locale),
    locale,
    today,
    version: subject.version,
  });
}

/** A file inside the workspace relative to it (as the CLI shows it), else its path; else the URI. */
function shownPath(subject: PlanReportSubject): string {
  if (!subject.file) return subject.uri;
  const rel = relative(subject.root, subject.file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : subject.file;
}
