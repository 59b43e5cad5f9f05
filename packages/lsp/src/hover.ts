/**
 * Hover: on a finding, its rule explained (title, what it checks, legal source) in the user's
 * language; on any key or value the schema knows, what the field means.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { formatPath, redactPersonalIds, type CompiledPack, type Diagnostic, type Locale, type ParsedText, type PlanKind } from '@laatuvahti/core/internal';
import { ruleExplanation } from './rule-docs.js';
import { fieldDescription, fieldSchema } from './field-info.js';
import { nodeAt } from './yaml-nodes.js';

/** Inputs of a hover. */
export interface HoverInput {
  parsed: ParsedText;
  offset: number;
  position: Position;
  /** Findings of the document's current version (none when it has not been checked yet). */
  findings: readonly Diagnostic[];
  kind: PlanKind | undefined;
  pack: CompiledPack;
  locale: Locale;
}

function inRange(d: Diagnostic, p: Position): boolean {
  const { start, end } = d.range;
  const afterStart = p.line > start.line || (p.line === start.line && p.character >= start.character);
  const beforeEnd = p.line < end.line || (p.line === end.line && p.character <= end.character);
  return afterStart && beforeEnd;
}

/** The hover at a position, or null when there is nothing to say. */
export function provideHover(input: HoverInput): Hover | null {
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const d of input.findings) {
    if (!inRange(d, input.position) || seen.has(d.ruleId)) continue;
    seen.add(d.ruleId);
    parts.push(ruleExplanation(input.pack, d.ruleId, input.locale, d.docsUrl));
  }
  // Blank space (an empty line, past the end) belongs to no field, whatever range covers it.
  const lineText = input.parsed.text.slice(input.offset - input.position.character, input.offset + 1);
  const node = lineText.trim() === '' ? undefined : nodeAt(input.parsed, input.offset);
  if (node && input.kind) {
    // A list item's value is described by its list's field.
    let path = node.path;
    while (path.length && typeof path[path.length - 1] === 'number') path = path.slice(0, -1);
    const text = path.length ? fieldDescription(fieldSchema(input.kind, path), input.locale) : undefined;
    if (text) parts.push(`\`${formatPath(path)}\`: ${text}`);
  }
  if (parts.length === 0) return null;
  // The field's path quotes the plan's keys, which may hold an identity code: masked, as every output.
  return { contents: { kind: MarkupKind.Markdown, value: redactPersonalIds(parts.join('\n\n---\n\n')) } };
}
