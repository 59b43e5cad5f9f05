/**
 * Completion: keys the mapping at the cursor may still take, and the allowed values of the
 * field being typed (enums, booleans), each with its description in the user's language.
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver';
import { isScalar } from 'yaml';
import {
  API_VERSION, KINDS, enumValues, knownKeys, positionAt, schemaKind,
  type DataPath, type Locale, type ParsedText, type PlanKind,
} from '@laatuvahti/core';
import type { z } from 'zod';
import { cursorContext } from './cursor-context.js';
import { fieldDescription, fieldSchema } from './field-info.js';
import { mapAt } from './yaml-nodes.js';

/** Inputs of a completion request. */
export interface CompletionInput {
  parsed: ParsedText;
  offset: number;
  kind: PlanKind | undefined;
  locale: Locale;
}

/** Completion items at the cursor (empty where nothing fits). */
export function provideCompletion(input: CompletionInput): CompletionItem[] {
  const { parsed, offset } = input;
  const ctx = cursorContext(parsed.text, offset);
  if (!ctx) return [];
  const range: Range = { start: positionAt(parsed.lineCounter, ctx.wordStart), end: positionAt(parsed.lineCounter, offset) };
  if (ctx.type === 'key') return keyItems(input, ctx.parentPath, range);
  if (!input.kind) {
    // Before the kind is known only the header can be completed.
    if (ctx.path.length === 1 && ctx.path[0] === 'kind') return KINDS.map((k) => valueItem(k, undefined, input.locale, range));
    if (ctx.path.length === 1 && ctx.path[0] === 'apiVersion') return [valueItem(API_VERSION, undefined, input.locale, range)];
    return [];
  }
  const schema = fieldSchema(input.kind, ctx.path);
  if (ctx.inList && schemaKind(schema) === 'array') {
    // `key: [a, |`: the list's elements.
    return valueItems(fieldSchema(input.kind, [...ctx.path, 0]), schema, input.locale, range);
  }
  if (ctx.inList && schemaKind(schema) === 'object') return keyItems(input, ctx.path, range);
  return valueItems(schema, schema, input.locale, range);
}

function keyItems(input: CompletionInput, parentPath: DataPath, range: Range): CompletionItem[] {
  if (!input.kind) {
    return parentPath.length === 0 ? ['apiVersion', 'kind'].map((k) => keyItem(k, undefined, input.locale, range)) : [];
  }
  const parent = fieldSchema(input.kind, parentPath);
  const cursorLine = range.start.line;
  // Keys already present, except the one being typed on the cursor's line.
  const present = new Set<string>();
  for (const p of mapAt(input.parsed, parentPath)?.items ?? []) {
    const r = (p.key as { range?: [number, number, number] } | null)?.range;
    if (isScalar(p.key) && r && positionAt(input.parsed.lineCounter, r[0]).line !== cursorLine) present.add(String(p.key.value));
  }
  return knownKeys(parent)
    .filter((k) => !present.has(k))
    .map((k) => keyItem(k, fieldSchema(input.kind!, [...parentPath, k]), input.locale, range));
}

function keyItem(key: string, schema: z.ZodType | undefined, locale: Locale, range: Range): CompletionItem {
  const block = ['object', 'array'].includes(schemaKind(schema));
  const doc = fieldDescription(schema, locale);
  return {
    label: key,
    kind: block ? CompletionItemKind.Module : CompletionItemKind.Property,
    ...(doc ? { documentation: { kind: MarkupKind.Markdown, value: doc } } : {}),
    textEdit: { range, newText: block ? `${key}:` : `${key}: ` },
    insertTextFormat: InsertTextFormat.PlainText,
  };
}

function valueItems(schema: z.ZodType | undefined, field: z.ZodType | undefined, locale: Locale, range: Range): CompletionItem[] {
  const kind = schemaKind(schema);
  const values = kind === 'boolean' ? ['true', 'false'] : enumValues(schema);
  const doc = fieldDescription(field, locale);
  return values.map((v) => valueItem(v, doc, locale, range));
}

function valueItem(value: string, doc: string | undefined, _locale: Locale, range: Range): CompletionItem {
  return {
    label: value,
    kind: CompletionItemKind.EnumMember,
    ...(doc ? { documentation: { kind: MarkupKind.Markdown, value: doc } } : {}),
    textEdit: { range, newText: value },
  };
}
