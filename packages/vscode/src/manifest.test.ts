import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './command-ids.js';
import { DEFAULT_DEBOUNCE_MS } from './to-server-settings.js';
import { DEFAULT_TIME_BUDGET_MS, defaultClientSettings } from '../../lsp/src/client-settings.js';

// The manifest is data VS Code reads at install time; a missing translation key shows up as a
// raw "%key%" in the UI, a command id typo as "command not found".
const readJson = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', name), 'utf8'));
const manifest = readJson('package.json');
const nls: Record<string, Record<string, string>> = {
  en: readJson('package.nls.json'),
  fi: readJson('package.nls.fi.json'),
  sv: readJson('package.nls.sv.json'),
};
const placeholders = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);

describe('package.json manifest', () => {
  it('has every %key% translated in English, Finnish and Swedish, and no stale keys', () => {
    expect(placeholders.length).toBeGreaterThan(10);
    for (const strings of Object.values(nls)) {
      expect(Object.keys(strings).sort()).toEqual([...new Set(placeholders)].sort());
      for (const value of Object.values(strings)) expect(value.trim()).not.toBe('');
    }
  });

  it('contributes exactly the commands the extension registers', () => {
    const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    expect(contributed).toEqual(Object.values(COMMANDS).sort());
  });

  it('activates on YAML and JSON and starts from the bundle', () => {
    expect(manifest.activationEvents).toEqual(['onLanguage:yaml', 'onLanguage:json']);
    expect(manifest.main).toBe('./dist/extension.js');
  });

  it('offers the settings the server reads, with the server-side defaults', () => {
    const props = manifest.contributes.configuration.properties;
    expect(Object.keys(props).sort()).toEqual(['laatuvahti.codeLens', 'laatuvahti.debounceMs', 'laatuvahti.locale', 'laatuvahti.ruleDirs', 'laatuvahti.rules', 'laatuvahti.timeBudgetMs', 'laatuvahti.trace.server']);
    expect(props['laatuvahti.locale'].default).toBe('auto');
    expect(props['laatuvahti.locale'].enum).toEqual(['auto', 'fi', 'sv', 'en']);
    expect(props['laatuvahti.debounceMs'].default).toBe(DEFAULT_DEBOUNCE_MS);
    expect(props['laatuvahti.timeBudgetMs'].default).toBe(DEFAULT_TIME_BUDGET_MS);
    expect(props['laatuvahti.codeLens'].default).toBe(defaultClientSettings().codeLens);
  });

  it('points yamlValidation at the four schemas the build copies (test/json-schemas.test.ts checks their content)', () => {
    const urls = manifest.contributes.yamlValidation.map((v: { url: string }) => v.url).sort();
    expect(urls).toEqual(['./schema/laatuvahti.config.json', './schema/plan.json', './schema/self-monitoring-plan.json', './schema/service-description.json']);
  });
});
