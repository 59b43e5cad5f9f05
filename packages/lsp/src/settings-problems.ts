/**
 * Problems in config files and rule folders (unknown rule ids, invalid options, broken rule
 * files), shown on those files themselves. Each config file's latest list replaces its
 * previous one, so a fixed problem disappears on the next check.
 */
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { FileDiagnostic } from '@laatuvahti/core/internal';
import { toLspDiagnostic } from './to-lsp-diagnostic.js';

/** Collects and publishes settings problems. */
export class SettingsProblems {
  private readonly lists = new Map<string, { json: string; problems: FileDiagnostic[] }>();
  private published = new Set<string>();
  private readonly warned = new Set<string>();

  constructor(
    private readonly publish: (uri: string, diagnostics: LspDiagnostic[]) => void,
    private readonly warn: (message: string) => void,
  ) {}

  /** The problems found while resolving settings under one config file (`''` for none). */
  report(configKey: string, problems: FileDiagnostic[]): void {
    const json = JSON.stringify(problems);
    if (this.lists.get(configKey)?.json === json) return;
    this.lists.set(configKey, { json, problems });
    this.flush();
  }

  /** Forgets everything (settings or files changed); the next checks report afresh. */
  reset(): void {
    this.lists.clear();
    this.warned.clear();
    this.flush();
  }

  private flush(): void {
    const byUri = new Map<string, LspDiagnostic[]>();
    const seen = new Set<string>();
    for (const { problems } of this.lists.values()) {
      for (const p of problems) {
        if (!p.uri) {
          // Problems of the client's own settings have no file to show them on.
          if (!this.warned.has(p.diagnostic.message)) this.warn(`laatuvahti settings: ${p.diagnostic.message}`);
          this.warned.add(p.diagnostic.message);
          continue;
        }
        // Two config files may load the same rule folder: show its problem once.
        const id = JSON.stringify([p.uri, p.diagnostic.range, p.diagnostic.message]);
        if (seen.has(id)) continue;
        seen.add(id);
        let list = byUri.get(p.uri);
        if (!list) byUri.set(p.uri, (list = []));
        list.push(toLspDiagnostic(p.diagnostic, p.uri));
      }
    }
    for (const uri of this.published) if (!byUri.has(uri)) this.publish(uri, []);
    for (const [uri, list] of byUri) this.publish(uri, list);
    this.published = new Set(byUri.keys());
  }
}
