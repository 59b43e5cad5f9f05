/**
 * Messages: fills `{{name}}` placeholders. Every message leaves through `redactPersonalIds`, so
 * a personal identity code can never be printed in full, whatever a rule's data holds.
 */
import { redactPersonalIds } from '../rules/checksums.js';
import { parseInterval, type IntervalUnit } from '../rules/interval.js';
import type { Locale } from '../types.js';
import { BUILTIN_MESSAGES, TYPE_NAMES } from './builtin-messages.js';

/** Renders one placeholder value. */
export function formatValue(v: unknown): string {
  if (v === undefined || v === null) return '—';
  if (Array.isArray(v)) return v.map(formatValue).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/**
 * Fills the placeholders of a template and masks identity codes. `{{name}}` shows the value as
 * written in the plan; `{{name|interval}}` shows an interval in the message's language
 * ("6 months" -> "6 kuukautta" / "6 månader").
 */
export function formatMessage(template: string, data: Record<string, unknown>, locale: Locale = 'en'): string {
  const filled = template.replace(/\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*(?:\|\s*(interval)\s*)?\}\}/g, (_, name: string, filter?: string) =>
    filter === 'interval' ? formatInterval(data[name], locale) : formatValue(data[name]),
  );
  return redactPersonalIds(filled);
}

const UNIT_WORDS: Record<Locale, Record<IntervalUnit, [string, string]>> = {
  fi: { day: ['päivä', 'päivää'], week: ['viikko', 'viikkoa'], month: ['kuukausi', 'kuukautta'], year: ['vuosi', 'vuotta'] },
  sv: { day: ['dag', 'dagar'], week: ['vecka', 'veckor'], month: ['månad', 'månader'], year: ['år', 'år'] },
  en: { day: ['day', 'days'], week: ['week', 'weeks'], month: ['month', 'months'], year: ['year', 'years'] },
};

/** `1 plan`, `2 plans`: a count with the noun in the number it needs (`one` or `many`). */
export function countOf(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** An interval in words of the locale; anything else as written. */
export function formatInterval(value: unknown, locale: Locale): string {
  const i = parseInterval(value);
  if (!i) return formatValue(value);
  const [one, many] = UNIT_WORDS[locale][i.unit];
  return countOf(i.count, one, many);
}

/** A built-in message in a locale. */
export function builtinMessage(id: string, locale: Locale, data: Record<string, unknown> = {}): string {
  const texts = BUILTIN_MESSAGES[id];
  return formatMessage(texts ? texts[locale] : id, data);
}

/** The localised name of a value type. */
export function typeName(type: string, locale: Locale): string {
  return TYPE_NAMES[type]?.[locale] ?? type;
}

/** The value type of a parsed YAML value, as `typeName` names it. */
export function valueType(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}
