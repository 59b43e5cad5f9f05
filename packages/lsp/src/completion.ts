/**
 * Completion: keys the mapping at the cursor may still take, and the allowed values of the
 * field being typed (enums, booleans), each with its description in the user's language.
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver';
import { API_VERSION, KINDS, enumValues, knownKeys, schemaKind, type DataPath, type Locale, type PlanKind } from '@laatuvahti/core/internal';
import type { z } from 'zod';
import { cursorContext, keysAt } from './cursor-context.js';
import { fieldDescription, fieldSchema } from './field-info.js';

/**
 * Inputs of a completion request. Completion reads the text only (no parse): it runs on every
 * keystroke, also in plans of thousands of lines.
 */
export interface CompletionInput {
  text: string;
  offset: number;
  position: Position;
  kind: PlanKind | undefined;
  locale: Locale;
}

/** Completion items at the cursor (empty where nothing fits). */
export function provideCompletion(input: CompletionInput): CompletionItem[] {
  const { text, offset, position } = input;
  const ctx = cursorContext(text, offset);
  if (!ctx) return [];
  const range: Range = { start: { line: position.line, character: position.character - (offset - ctx.wordStart) }, end: position };
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
  // Keys already present, except the one being typed on the cursor's line.
  const present = keysAt(input.text, parentPath, input.text.lastIndexOf('\n', input.offset - 1) + 1);
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
