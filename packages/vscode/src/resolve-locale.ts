/**
 * Settings step: turns the `laatuvahti.locale` setting into the language of findings, rule
 * documentation and the extension's own messages. "auto" follows VS Code's display language.
 */

/** A language Laatuvahti speaks. */
export type UiLocale = 'fi' | 'sv' | 'en';

/** The languages, in the order the setting lists them. */
export const UI_LOCALES: readonly UiLocale[] = ['fi', 'sv', 'en'];

/**
 * Resolves the `laatuvahti.locale` setting. An explicit "fi", "sv" or "en" wins; "auto", a
 * missing or an unknown value follow `displayLanguage` (VS Code's `env.language`, e.g. "fi",
 * "sv-SE", "en-US"): Finnish and Swedish in any region are kept, everything else is English.
 */
export function resolveLocale(setting: unknown, displayLanguage: string | undefined): UiLocale {
  if (typeof setting === 'string' && (UI_LOCALES as readonly string[]).includes(setting)) return setting as UiLocale;
  const primary = (displayLanguage ?? '').toLowerCase().split(/[-_]/)[0];
  return primary === 'fi' || primary === 'sv' ? primary : 'en';
}
