/**
 * Schema step, helpers: field descriptions in fi / sv / en carried by the zod schemas, so the
 * language server's hover and completion and the JSON Schema speak the user's language.
 */
import { z } from 'zod';
import type { Locale } from '../types.js';

/** Metadata attached to a schema node. */
export interface FieldMeta {
  description: string;
  descriptions: Record<Locale, string>;
  [key: string]: unknown;
}

/**
 * Attaches fi / sv / en descriptions to a schema. `description` (English) is what plain JSON
 * Schema tools show; `descriptions` is what Laatuvahti's own tools pick from by locale.
 */
export function described<T extends z.ZodType>(schema: T, fi: string, sv: string, en: string): T {
  return schema.meta({ description: en, descriptions: { fi, sv, en } }) as T;
}

/** The fi / sv / en descriptions of a schema node, if it has any. */
export function descriptionsOf(schema: z.ZodType): Record<Locale, string> | undefined {
  const meta = schema.meta() as Partial<FieldMeta> | undefined;
  return meta?.descriptions;
}
