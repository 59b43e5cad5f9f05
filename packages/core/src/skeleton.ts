/**
 * Authoring step (before the flow starts): a kind's zod schema -> a commented YAML skeleton of a
 * new plan. `laatuvahti init`, the language server and the extension use it, so a new plan looks
 * the same whichever tool made it. Keys and comments come from the schema itself; every
 * placeholder is checked against the schema, so a skeleton never yields a `schema-*` finding.
 */
import type { z } from 'zod';
import { schemasByKind, API_VERSION, KIND_NAMES, type PlanKind } from './schema/index.js';
import { currentDate } from './check.js';
import type { Locale } from './types.js';
import { descriptionsOf } from './schema/meta.js';
import { renderScalar } from './schema/key-skeleton.js';

/** Options of `createPlanSkeleton`. */
export interface PlanSkeletonOptions {
  /** The date written to `updated` (YYYY-MM-DD); defaults to the current date. */
  today?: string;
}

type Def = Record<string, unknown> & { type: string };
type Node = { _zod: { def: Def } };

/** A schema node with its wrappers peeled off. */
interface Field {
  def: Def;
  node: Node;
  optional: boolean;
  comment?: string;
}

/** One output line; `active: false` lines are written as YAML comments. */
interface Line {
  indent: number;
  text: string;
  active: boolean;
  comment?: string;
}

const COMMENT_COLUMN = 44;

const HEADER: Record<Locale, (kindName: string) => string[]> = {
  fi: (k) => [
    `${k} (${API_VERSION}): pohja, jonka laatuvahti loi.`,
    'Täytä tyhjät kohdat (""). #-merkillä alkavat avaimet ovat valinnaisia tai vaativat valinnan:',
    'poista #, kun kirjaat arvon. Tarkista lopuksi: laatuvahti check <tiedosto>',
  ],
  sv: (k) => [
    `${k} (${API_VERSION}): mall skapad av laatuvahti.`,
    'Fyll i de tomma fälten (""). Nycklar som börjar med # är valfria eller kräver ett val:',
    'ta bort # när du anger ett värde. Kontrollera till sist: laatuvahti check <fil>',
  ],
  en: (k) => [
    `${k} (${API_VERSION}): skeleton written by laatuvahti.`,
    'Fill in the empty values (""). Keys starting with # are optional or need a choice:',
    'remove the # when you give a value. Then check it: laatuvahti check <file>',
  ],
};

const ALLOWED: Record<Locale, string> = { fi: 'vaihtoehdot', sv: 'alternativ', en: 'one of' };

/**
 * A commented YAML skeleton of a plan of `kind` whose comments are in `language`: every key of
 * the schema is shown, those that need free text with an empty value, those that need a choice
 * (enums, dates, intervals, numbers, yes/no) as comments with an example. Passes the schema.
 */
export function createPlanSkeleton(kind: PlanKind, language: Locale, options: PlanSkeletonOptions = {}): string {
  const today = options.today ?? currentDate();
  const root = peel(schemasByKind[kind] as unknown as Node, language);
  const lines: Line[] = [];
  const shape = root.def.shape as Record<string, Node>;
  let previousSize = 0;
  for (const [key, child] of Object.entries(shape)) {
    // Text `laatuvahti import` could not place; a plan written from scratch has none.
    if (key === 'importedText') continue;
    const field = peel(child, language);
    const section: Line[] = [];
    if (key === 'language') section.push({ indent: 0, text: `language: ${language}`, active: true, ...commentOf(field) });
    else if (key === 'updated') section.push({ indent: 0, text: `updated: ${today}`, active: true, ...commentOf(field) });
    else emitKey(key, field, 0, true, language, today, section);
    // Blank lines around sections that span several lines; one-line keys stay together.
    if (lines.length > 0 && (section.length > 1 || previousSize > 1)) lines.push({ indent: 0, text: '', active: true });
    lines.push(...section);
    previousSize = section.length;
  }
  const header = HEADER[language](KIND_NAMES[kind][language]).map((t) => `# ${t}`);
  return [...header, '', ...lines.map(render)].join('\n') + '\n';
}

function render(line: Line): string {
  if (line.text === '') return '';
  const body = ' '.repeat(line.indent) + (line.active ? '' : '# ') + line.text;
  if (!line.comment) return body;
  const pad = Math.max(2, COMMENT_COLUMN - body.length);
  return body + ' '.repeat(pad) + '# ' + line.comment;
}

/** Peels optional / nullable / default / readonly / lazy / pipe wrappers, keeping the description. */
function peel(node: Node, language: Locale): Field {
  let n = node;
  let optional = false;
  let comment = describe(n, language);
  for (let i = 0; i < 20; i++) {
    const def = n._zod.def;
    if (def.type === 'optional' || def.type === 'default') optional = true;
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'readonly') n = def.innerType as Node;
    else if (def.type === 'lazy') n = (def.getter as () => Node)();
    else if (def.type === 'pipe') n = def.in as Node;
    else break;
    comment ??= describe(n, language);
  }
  return { def: n._zod.def, node: n, optional, ...(comment ? { comment } : {}) };
}

function describe(node: Node, language: Locale): string | undefined {
  const text = descriptionsOf(node as unknown as z.ZodType)?.[language];
  return text ? text.replace(/\s+/g, ' ').trim() : undefined;
}

/** The field's description, plus `extra` (allowed values) unless the description lists them. */
function commentOf(field: Field, extra?: string): { comment?: string } {
  const parts = field.comment ? [field.comment] : [];
  if (extra && !field.comment?.includes('|')) parts.push(extra);
  return parts.length ? { comment: parts.join(' ') } : {};
}

function accepts(node: Node, value: unknown): boolean {
  return (node as unknown as z.ZodType).safeParse(value).success;
}

/**
 * Whether a field can be written as an active (uncommented) key whose placeholder passes the
 * schema without asserting anything: free text (empty), lists (empty), objects, and the fixed
 * header literals. A required enum takes its first value: the schema demands a choice there.
 */
function canBeActive(field: Field): boolean {
  const { def, node } = field;
  switch (def.type) {
    case 'literal':
      return true;
    case 'string':
      return accepts(node, '');
    case 'enum':
      return !field.optional;
    case 'array':
      return true;
    case 'object':
      return Object.values(def.shape as Record<string, Node>).every((c) => {
        const f = peel(c, 'en');
        return f.optional || canBeActive(f);
      });
    default:
      return false;
  }
}

/** An example value for a field that is shown commented out. */
function example(field: Field, today: string): unknown {
  const { def, node } = field;
  switch (def.type) {
    case 'string':
      return [today, 'month', '08:00-16:00', ''].find((v) => accepts(node, v)) ?? '';
    case 'number':
      return [0, 1].find((v) => accepts(node, v)) ?? 0;
    case 'boolean':
      return true;
    case 'enum':
      return Object.values(def.entries as Record<string, string>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    default:
      return '';
  }
}

function enumList(field: Field): string | undefined {
  if (field.def.type !== 'enum') return undefined;
  return Object.values(field.def.entries as Record<string, string>).join(' | ');
}

/**
 * Writes `key: …` for a field at `indent`. Inactive lines (and everything under them) become
 * comments; `prefix` is the "- " of a list item's first key.
 */
function emitKey(key: string, field: Field, indent: number, active: boolean, language: Locale, today: string, out: Line[], prefix = ''): void {
  const on = active && canBeActive(field);
  const { def } = field;
  const label = prefix + key;
  switch (def.type) {
    case 'object': {
      const children = Object.entries(def.shape as Record<string, Node>).map(([k, c]) => [k, peel(c, language)] as const);
      // An active mapping whose keys all need a choice is written `{}` so that it stays a mapping.
      const empty = on && !children.some(([, f]) => canBeActive(f));
      out.push({ indent, text: empty ? `${label}: {}` : `${label}:`, active: on, ...commentOf(field) });
      for (const [k, f] of children) emitKey(k, f, indent + prefix.length + 2, on, language, today, out);
      return;
    }
    case 'array': {
      const element = peel(def.element as Node, language);
      if (element.def.type === 'object') {
        const itemActive = on && canBeActive(element);
        out.push({ indent, text: on && !itemActive ? `${label}: []` : `${label}:`, active: on, ...commentOf(field) });
        emitItem(element, indent + prefix.length + 2, itemActive, language, today, out);
        return;
      }
      out.push({ indent, text: `${label}: []`, active: on, ...commentOf(field, enumList(element) && `(${ALLOWED[language]}: ${enumList(element)})`) });
      return;
    }
    case 'union': {
      // Shown commented out with its first form (e.g. price: includedInDailyPrice or an amount).
      const first = peel((def.options as Node[])[0]!, language);
      emitKey(key, { ...first, optional: true, ...(field.comment ? { comment: field.comment } : {}) }, indent, false, language, today, out, prefix);
      return;
    }
    default: {
      const list = enumList(field);
      const value = on ? (def.type === 'string' ? '' : example(field, today)) : example(field, today);
      out.push({ indent, text: `${label}: ${renderScalar(value)}`, active: on, ...commentOf(field, list && `(${ALLOWED[language]}: ${list})`) });
    }
  }
}

/** One list item: its first active key carries the "- ". */
function emitItem(element: Field, indent: number, active: boolean, language: Locale, today: string, out: Line[]): void {
  const children = Object.entries(element.def.shape as Record<string, Node>).map(([k, c]) => [k, peel(c, language)] as const);
  const leadIndex = Math.max(0, children.findIndex(([, f]) => !active || canBeActive(f)));
  const ordered = [children[leadIndex]!, ...children.filter((_, i) => i !== leadIndex)];
  ordered.forEach(([k, f], i) => {
    if (i === 0) emitKey(k, f, indent, active, language, today, out, '- ');
    else emitKey(k, f, indent + 2, active, language, today, out);
  });
}
