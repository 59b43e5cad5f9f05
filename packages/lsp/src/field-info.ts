/**
 * What the schema says about a place in a plan: the plan's kind, a field's schema and its
 * description in the user's language (shared by hover, completion and document symbols).
 */
import { isMap, isScalar } from 'yaml';
import { descriptionsOf, KINDS, LOCALES, schemaAt, schemasByKind, unwrapSchema, type DataPath, type Locale, type ParsedText, type PlanKind } from '@laatuvahti/core/internal';
import type { z } from 'zod';

/** The plan kind named at the top of a parsed document, if it is a known kind. */
export function planKindOf(parsed: ParsedText): PlanKind | undefined {
  const root = parsed.doc.contents;
  if (!isMap(root)) return undefined;
  const kind = root.items.find((p) => isScalar(p.key) && p.key.value === 'kind')?.value;
  return isScalar(kind) && (KINDS as readonly unknown[]).includes(kind.value) ? (kind.value as PlanKind) : undefined;
}

const KIND_LINE_RE = /^kind[ \t]*:[ \t]*["']?([A-Za-z]+)["']?[ \t]*(?:#.*)?$/m;

/** The plan kind named on a top-level `kind:` line, read from the text without parsing it. */
export function planKindOfText(text: string): PlanKind | undefined {
  const kind = KIND_LINE_RE.exec(text)?.[1];
  return kind && (KINDS as readonly string[]).includes(kind) ? (kind as PlanKind) : undefined;
}

/** The schema node at a data path of a plan of `kind`. */
export function fieldSchema(kind: PlanKind, path: DataPath): z.ZodType | undefined {
  return schemaAt(schemasByKind[kind], path);
}

/** A field's description in `locale` (descriptions sit inside optional wrappers). */
export function fieldDescription(schema: z.ZodType | undefined, locale: Locale): string | undefined {
  if (!schema) return undefined;
  return (descriptionsOf(schema) ?? descriptionsOf(unwrapSchema(schema) ?? schema))?.[locale];
}

/** The plan's `language` (the language of its free text), if it is a known locale. */
export function planLanguageOf(parsed: ParsedText): Locale | undefined {
  const root = parsed.doc.contents;
  if (!isMap(root)) return undefined;
  const lang = root.items.find((p) => isScalar(p.key) && p.key.value === 'language')?.value;
  return isScalar(lang) && (LOCALES as readonly unknown[]).includes(lang.value) ? (lang.value as Locale) : undefined;
}
