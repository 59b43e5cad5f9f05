import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createPlanSkeleton } from './skeleton.js';
import { checkWithPack } from './check.js';
import { getDefaultPack } from './default-pack.js';
import { schemasByKind, KINDS } from './schema/index.js';
import { validateShape } from './schema/validate-shape.js';
import { LOCALES } from './types.js';

type Node = { _zod: { def: Record<string, unknown> & { type: string } } };

/** Every key path of a schema, e.g. `socialActivity.activities.every`. */
function keyPaths(node: Node, prefix = ''): string[] {
  const def = node._zod.def;
  if (['optional', 'nullable', 'default', 'readonly'].includes(def.type)) return keyPaths(def.innerType as Node, prefix);
  if (def.type === 'array') return keyPaths(def.element as Node, prefix);
  if (def.type === 'union') return keyPaths((def.options as Node[])[0]!, prefix);
  if (def.type !== 'object') return [];
  return Object.entries(def.shape as Record<string, Node>).flatMap(([k, v]) => [prefix + k, ...keyPaths(v, `${prefix}${k}.`)]);
}

/** The key paths a YAML text shows, counting commented-out keys (`# key: value`). */
function shownKeyPaths(text: string): Set<string> {
  const out = new Set<string>();
  const stack: { indent: number; key: string }[] = [];
  for (const raw of text.split('\n')) {
    const m = /^( *)(?:# )?(- )?([A-Za-z][A-Za-z0-9]*):(?: |$)/.exec(raw);
    if (!m || (raw.startsWith('#') && m[1] === '' && !/^# [a-z]/.test(raw))) continue;
    const indent = m[1]!.length + (m[2] ? 2 : 0);
    while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const path = [...stack.map((s) => s.key), m[3]!].join('.');
    out.add(path);
    stack.push({ indent, key: m[3]! });
  }
  return out;
}

describe.each(KINDS)('createPlanSkeleton(%s)', (kind) => {
  it.each(LOCALES)('in %s passes the schema and the parser', async (language) => {
    const text = createPlanSkeleton(kind, language, { today: '2026-11-23' });
    const doc = parse(text) as Record<string, unknown>;
    expect(validateShape(schemasByKind[kind], doc)).toEqual([]);
    expect(doc).toMatchObject({ apiVersion: 'laatuvahti/v1', kind, language, updated: '2026-11-23' });
    const report = await checkWithPack(getDefaultPack(), text, { today: '2026-11-23', locale: language });
    expect(report.kind).toBe(kind);
    const structural = report.diagnostics.filter((d) => d.ruleId.startsWith('schema-') || d.ruleId === 'yaml-syntax');
    expect(structural.map((d) => `${d.range.start.line + 1} ${d.ruleId} ${d.message}`)).toEqual([]);
  });

  it('shows every key of the schema, active or commented out', () => {
    const shown = shownKeyPaths(createPlanSkeleton(kind, 'fi', { today: '2026-11-23' }));
    // importedText holds what `laatuvahti import` could not place: never part of a new plan.
    const missing = keyPaths(schemasByKind[kind] as unknown as Node).filter((p) => !shown.has(p) && !p.startsWith('importedText'));
    expect(missing).toEqual([]);
  });

  it('comments in the requested language', () => {
    expect(createPlanSkeleton(kind, 'fi', { today: '2026-11-23' })).toContain('# Täytä tyhjät kohdat');
    expect(createPlanSkeleton(kind, 'sv', { today: '2026-11-23' })).toContain('# Fyll i de tomma fälten');
    expect(createPlanSkeleton(kind, 'en', { today: '2026-11-23' })).toMatch(/^apiVersion: laatuvahti\/v1 +# Format version/m);
  });

  it('stays valid when every commented-out key is filled in with its example', () => {
    // Drop the header comment, uncomment every key, and let `{}` mappings take their keys.
    const text = createPlanSkeleton(kind, 'en', { today: '2026-11-23' });
    const body = text
      .slice(text.indexOf('\n\n'))
      .split('\n')
      .map((l) => l.replace(/^( *)# /, '$1').replace(/: \{\}( |$)/, ':$1'))
      .join('\n');
    expect(validateShape(schemasByKind[kind], parse(body))).toEqual([]);
  });
});
