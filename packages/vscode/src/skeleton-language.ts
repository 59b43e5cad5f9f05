/**
 * Command step ("New self-monitoring plan" / "New service description"): the language the new
 * plan's skeleton is written in.
 */
import type { UiLocale } from './resolve-locale.js';

/**
 * An explicit argument ("fi", "sv", "en" or `{ language }`, e.g. from a keybinding) wins over
 * the resolved `laatuvahti.locale`; anything else (a URI from a menu, nothing) is ignored.
 */
export function skeletonLanguage(arg: unknown, locale: UiLocale): UiLocale {
  const value = typeof arg === 'object' && arg !== null ? (arg as { language?: unknown }).language : arg;
  return value === 'fi' || value === 'sv' || value === 'en' ? value : locale;
}
