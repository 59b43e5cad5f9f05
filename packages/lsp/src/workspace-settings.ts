/**
 * Settings of the workspace: the client's settings layered over each file's
 * `laatuvahti.config.yaml` by core's `SettingsResolver` (the same function the CLI uses), so
 * a plan gets the same findings in the editor as in CI.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SettingsResolver, type FileSettings } from '@laatuvahti/core/internal/node';
import { defaultClientSettings, type ClientSettings } from './client-settings.js';

/** The client's settings and the resolver built from them. */
export class WorkspaceSettings {
  private client: ClientSettings = defaultClientSettings();
  private resolver = new SettingsResolver();

  /** `root` is the workspace folder (for untitled documents and relative rule folders). */
  constructor(readonly root: string) {}

  /** The client's current settings. */
  get clientSettings(): ClientSettings {
    return this.client;
  }

  /** Applies new client settings (a new resolver: caches of the old one no longer apply). */
  update(client: ClientSettings): void {
    this.client = client;
    this.resolver = new SettingsResolver({
      ...(client.locale ? { locale: client.locale } : {}),
      ...(client.fallbackLocale ? { fallbackLocale: client.fallbackLocale } : {}),
      ruleDirs: client.ruleDirs,
      rules: client.rules,
    });
  }

  /** Drops cached config files and rule packs (they changed on disk). */
  invalidate(): void {
    this.resolver.invalidate();
  }

  /** The settings for a document. */
  forUri(uri: string): FileSettings {
    return this.resolver.forFile(this.pathOf(uri));
  }

  /**
   * Whether the `ignores` of the configs above a document leave it out, as they do a CLI
   * folder run; such a file gets no findings (ESLint's editor integration does the same).
   * `.gitignore` does not count here: a file the user opened in the editor was asked for.
   */
  isIgnored(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    return this.resolver.ignoredByConfig(this.pathOf(uri)) === true;
  }

  /** The settings of the workspace root (for rule listings and documentation). */
  forWorkspace(): FileSettings {
    return this.resolver.forFile(join(this.root, 'laatuvahti-workspace.yaml'));
  }

  /** The file path config discovery starts from; documents without one count as in the root. */
  pathOf(uri: string): string {
    if (uri.startsWith('file:')) {
      try {
        return fileURLToPath(uri);
      } catch {
        // Falls through: a malformed file URI is treated like an untitled document.
      }
    }
    return join(this.root, 'untitled.yaml');
  }
}
