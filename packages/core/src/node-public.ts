/**
 * `@laatuvahti/core/node`: the public Node entry. A plan file checked with the configuration
 * the CLI finds for it (the cascade of `laatuvahti.config.yaml` files above it), a rule pack
 * with local rule folders, and where the nearest config file is. As the main entry, it names no
 * third-party type, and reaches the code through the internal entry (one shared copy).
 */
import * as core from '@laatuvahti/core/internal/node';
import type { CheckFileOptions, ConfigProblem, DocumentReport, Locale, RulePack } from './api-types.js';

export type { CheckFileOptions };

/** A file's check: what `checkDocument` reports, and the config files that applied. */
export interface FileReport extends DocumentReport {
  /** Every config file that applied, in the order they apply (each later one wins). */
  configFiles: string[];
}

/**
 * Checks a plan file (YAML or JSON) as `laatuvahti check FILE` does. Rejects with a plain
 * sentence when the file cannot be read; problems of the config files and rule folders are in
 * `configDiagnostics` (the CLI stops on them).
 */
export function checkFile(file: string, options?: CheckFileOptions): Promise<FileReport> {
  return core.checkPlanFile(file, options) as Promise<FileReport>;
}

/**
 * The shipped rule pack plus the rules of `ruleDirs` (each `<id>/rule.yaml`, with its
 * README.md), for `check(text, { pack })`. Broken rule files are left out and reported.
 */
export function loadRulePack(ruleDirs: readonly string[], options?: { locale?: Locale }): { pack: RulePack; diagnostics: ConfigProblem[] } {
  return core.loadRulePack(ruleDirs, options) as unknown as { pack: RulePack; diagnostics: ConfigProblem[] };
}

/** The nearest `laatuvahti.config.yaml` walking up from a file's folder, if any. */
export function findConfigFile(file: string): string | undefined {
  return core.findConfigFile(file);
}
