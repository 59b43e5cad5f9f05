/**
 * CLI, formatting step: words more than one human-readable report uses (stylish, markdown), in
 * the run's locale.
 */
import { SEVERITY_NAMES, type Locale, type Severity } from '@laatuvahti/core/internal';
import { countOf as n } from '../run-result.js';

/** A finding's severity (as core's reports name it); `suppressed` for one silenced by a suppression comment. */
export const SEVERITY_WORDS: Record<Locale, Record<Severity | 'suppressed', string>> = {
  en: { ...SEVERITY_NAMES.en, suppressed: 'suppressed' },
  fi: { ...SEVERITY_NAMES.fi, suppressed: 'vaiennettu' },
  sv: { ...SEVERITY_NAMES.sv, suppressed: 'undantagen' },
};

/** "3 non-plan YAML files skipped". */
export const SKIPPED_WORDS: Record<Locale, (count: number) => string> = {
  en: (c) => `${n(c, 'non-plan YAML file', 'non-plan YAML files')} skipped`,
  fi: (c) => `${n(c, 'muu YAML-tiedosto', 'muuta YAML-tiedostoa')} ohitettu`,
  sv: (c) => `${n(c, 'annan YAML-fil', 'andra YAML-filer')} ${c === 1 ? 'överhoppad' : 'överhoppade'}`,
};
