/**
 * Build step support: runs a realistic check of each plan kind and every formatter in memory,
 * so that the code cache written after it (scripts/write-code-cache.cjs) holds compiled code
 * for what a real run executes, not only the top level of the bundle.
 */
import { checkWithPack, createPlanSkeleton, KINDS } from '@laatuvahti/core/internal';
import { SettingsResolver } from '@laatuvahti/core/internal/node';
import { loadFormatter } from './formatters/format-report.js';
import { FORMATS } from './parse-args.js';
import { listRules } from './rule-catalog.js';
import { summarize, type FileResult } from './run-result.js';
import { isPlanCandidate } from './check-file.js';

/** Checks a skeleton of each kind (with a finding of each severity) and formats the results. */
export async function warmUpCheck(): Promise<void> {
  const settings = new SettingsResolver({}).forFile('/nonexistent/laatuvahti-warm-up/plan.yaml');
  const results: FileResult[] = [];
  for (const kind of KINDS) {
    const text = `${createPlanSkeleton(kind, 'fi', { today: '2026-01-01' })}unknownKey: 1\n# laatuvahti-disable-next-line schema-unknown-key -- warm-up\nother: 2\n`;
    isPlanCandidate(text);
    const report = await checkWithPack(settings.pack, text, { today: '2026-01-01', locale: 'fi', settings: settings.settings });
    results.push({ file: `/w/${kind}.yaml`, path: `${kind}.yaml`, status: 'checked', kind, diagnostics: report.diagnostics, suppressed: report.suppressed });
  }
  const rules = listRules(settings.pack, 'fi');
  for (const format of FORMATS) {
    (await loadFormatter(format))({ results, summary: summarize(results), rules, locale: 'fi', color: true, cwd: '/w', today: '2026-01-01', version: '0' });
  }
}
