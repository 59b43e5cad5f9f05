/**
 * The public Node entry's entry points (`@laatuvahti/core/node`, node-public.ts): a plan file
 * checked with the configuration the CLI would find for it, and a rule pack with extra rule
 * folders. Built on `SettingsResolver`, so a file gets the same findings as from the CLI.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { checkWithPack, currentDate, ruleOutcomes, type CompiledPack, type DocumentReport, type FileDiagnostic, type Locale } from '@laatuvahti/core/internal';
import type { CheckFileOptions } from './api-types.js';
import { fileErrorText } from './file-error.js';

export type { CheckFileOptions };
import { loadPack, SettingsResolver } from './node.js';

/** A file's check: the text check's report, and the config files it was checked with. */
export interface FileReport extends DocumentReport {
  /** Every config file that applied, in the order they apply. */
  configFiles: string[];
}

/**
 * Checks a plan file (YAML or JSON) with the configuration the CLI finds for it. Rejects with a
 * plain-sentence Error when the file cannot be read; problems in the config and rule folders
 * come back in `configDiagnostics` (the CLI stops on them with exit code 2).
 */
export async function checkPlanFile(file: string, options: CheckFileOptions = {}): Promise<FileReport> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`Cannot read ${file}: ${fileErrorText(e)}`);
  }
  const resolver = new SettingsResolver({
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.configFile ? { configFile: options.configFile } : {}),
    ...(options.ruleDirs ? { ruleDirs: options.ruleDirs } : {}),
  });
  const settings = resolver.forFile(file);
  const today = options.today ?? currentDate();
  const report = await checkWithPack(settings.pack, text, {
    today,
    ...(settings.chosenLocale ? { locale: settings.chosenLocale } : {}),
    settings: settings.settings,
    uri: pathToFileURL(file).href,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return {
    ...report,
    configDiagnostics: settings.diagnostics,
    outcomes: ruleOutcomes(settings.pack, report, { today, settings: settings.settings }),
    configFiles: settings.configFiles ?? [],
  };
}

/**
 * The shipped rule pack with the rules of extra folders (each `<id>/rule.yaml` with its
 * README.md, and `reference/*.yaml`). Broken rule files come back as diagnostics and are left
 * out; a rule may not reuse a shipped rule's id.
 */
export function loadRulePack(ruleDirs: readonly string[], options: { locale?: Locale } = {}): { pack: CompiledPack; diagnostics: FileDiagnostic[] } {
  return loadPack(ruleDirs, options.locale ?? 'en');
}
