/**
 * Messages: fills `{{name}}` placeholders. Every message leaves through `redactPersonalIds`, so
 * a personal identity code can never be printed in full, whatever a rule's data holds.
 */
import { redactPersonalIds } from '../rules/checksums.js';
import type { Locale } from '../types.js';
import { BUILTIN_MESSAGES, TYPE_NAMES } from './builtin-messages.js';

/** Renders one placeholder value. */
export function formatValue(v: unknown): string {
  if (v === undefined || v === null) return '—';
  if (Array.isArray(v)) return v.map(formatValue).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Fills the placeholders of a template and masks identity codes. */
export function formatMessage(template: string, data: Record<string, unknown>): string {
  const filled = template.replace(/\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g, (_, name: string) => formatValue(data[name]));
  return redactPersonalIds(filled);
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
