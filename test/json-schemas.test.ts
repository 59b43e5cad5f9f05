/**
 * The JSON Schemas core's build writes (packages/core/scripts/write-json-schema.mjs) and the VS
 * Code extension contributes: the full ones follow the zod schemas, and the editor variants keep
 * their whole structure for completion and hover while holding nothing a validator could report
 * (test/editor/nvim-check.sh shows the same with yaml-language-server itself).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { configFileSchema, schemasByKind } from '@laatuvahti/core/internal';

const root = join(__dirname, '..');
const schemaDir = join(root, 'packages', 'core', 'dist', 'schema');
const NAMES = ['self-monitoring-plan', 'service-description', 'plan', 'laatuvahti.config'];
type Schema = Record<string, unknown>;
const read = (file: string): Schema => JSON.parse(readFileSync(join(schemaDir, file), 'utf8'));

beforeAll(() => {
  if (!NAMES.every((n) => existsSync(join(schemaDir, 'editor', `${n}.json`)))) {
    execFileSync('npm', ['run', 'build', '-w', '@laatuvahti/core'], { cwd: root, stdio: 'pipe' });
  }
}, 120_000);

/** What a JSON Schema validator can report a document for. */
const CONSTRAINTS = ['type', 'enum', 'const', 'required', 'pattern', 'format', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'not', 'oneOf', 'propertyNames', 'contains', 'dependentRequired'];

/** Every constraint in a schema, by where it is, except inside `if` (which only selects a `then`) and inside the `anyOf: [{ type }, {}]` that keeps a key's inserted text and cannot fail. */
function constraintsIn(node: unknown, at = '#'): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => constraintsIn(n, `${at}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  const found: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'if' || key === 'examples' || key === 'descriptions') continue;
    if (key === 'anyOf' && Array.isArray(value) && value.length === 2 && JSON.stringify(value[1]) === '{}' && Object.keys(value[0]).join() === 'type') continue;
    if (CONSTRAINTS.includes(key) || (key === 'additionalProperties' && typeof value === 'boolean')) found.push(`${at}/${key}`);
    // Under `properties` the names are a plan's keys (a service has a `type:`), not keywords.
    if (key === 'properties' || key === '$defs') for (const [name, sub] of Object.entries(value as Schema)) found.push(...constraintsIn(sub, `${at}/${key}/${name}`));
    else found.push(...constraintsIn(value, `${at}/${key}`));
  }
  return found;
}

/** The property names at every level, and the enum values (strict) or examples (editor) there. */
function outline(node: unknown, values: 'enum' | 'examples', at = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (node === null || typeof node !== 'object') return out;
  const n = node as Schema;
  if (n.properties) out.set(`${at} keys`, Object.keys(n.properties as Schema).sort());
  // A strict schema's own examples (extends: the shipped rule sets) are completions too.
  const v = values === 'enum' ? (n.enum ?? ('const' in n ? [n.const] : n.examples)) : n.examples;
  if (v) out.set(`${at} values`, v);
  for (const [key, value] of Object.entries(n)) {
    if (key === 'if' || key === 'descriptions') continue;
    if (key === 'properties') for (const [name, sub] of Object.entries(value as Schema)) outline(sub, values, `${at}/${name}`, out);
    else if (key === 'items' || key === 'additionalProperties') outline(value, values, `${at}/${key}`, out);
    else if (key === 'anyOf' || key === 'oneOf' || key === 'allOf') (value as unknown[]).forEach((sub, i) => outline(sub, values, `${at}/(${i})`, out));
  }
  return out;
}

describe('JSON Schemas', () => {
  it('the full schemas are the zod schemas, the config file\'s included', () => {
    const generate = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' });
    const { title, ...config } = read('laatuvahti.config.json');
    expect(title).toBe('Laatuvahti configuration (laatuvahti.config.yaml)');
    // Stale means core's build has not run since its config schema changed.
    expect(config).toEqual(generate(configFileSchema));
    expect(config.additionalProperties).toBe(false);
    expect(Object.keys(config.properties as Schema)).toEqual(expect.arrayContaining(['extends', 'locale', 'rules', 'ruleDirs']));
    const { title: _t, ...plan } = read('self-monitoring-plan.json');
    expect(plan).toEqual(generate(schemasByKind.SelfMonitoringPlan));
  });

  it.each(NAMES)('the editor variant of %s reports nothing and keeps every key and value to complete', (name) => {
    const strict = read(`${name}.json`);
    const editor = read(`editor/${name}.json`);
    expect(constraintsIn(editor)).toEqual([]);
    expect(constraintsIn(strict).length).toBeGreaterThan(0);
    const keys = outline(strict, 'enum');
    expect(outline(editor, 'examples')).toEqual(keys);
    expect(keys.size).toBeGreaterThan(name === 'plan' ? 0 : 3);
  });

  it('the combined plan schema picks the kind\'s schema by `kind:`', () => {
    const plan = read('editor/plan.json');
    expect(plan.allOf).toEqual([
      { if: { properties: { kind: { const: 'SelfMonitoringPlan' } }, required: ['kind'] }, then: { $ref: './self-monitoring-plan.json' } },
      { if: { properties: { kind: { const: 'ServiceDescription' } }, required: ['kind'] }, then: { $ref: './service-description.json' } },
    ]);
  });

  it('are reachable by package name, the editor variants too (packages/lsp/README.md names them so)', () => {
    const resolve = createRequire(join(root, 'package.json')).resolve;
    expect(resolve('@laatuvahti/core/schema/laatuvahti.config.json')).toBe(join(schemaDir, 'laatuvahti.config.json'));
    expect(resolve('@laatuvahti/core/schema/editor/plan.json')).toBe(join(schemaDir, 'editor', 'plan.json'));
  });

  it('the VS Code extension contributes the editor variants, laatuvahti.config.yaml\'s included', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'packages', 'vscode', 'package.json'), 'utf8'));
    const contributed: { fileMatch: string[]; url: string }[] = manifest.contributes.yamlValidation;
    expect(contributed.map((c) => c.url).sort()).toEqual(NAMES.map((n) => `./schema/${n}.json`).sort());
    expect(contributed.find((c) => c.url === './schema/laatuvahti.config.json')!.fileMatch).toEqual(['laatuvahti.config.yaml']);
    // The extension's build copies them from core's editor folder.
    const copy = join(root, 'packages', 'vscode', 'schema', 'plan.json');
    if (existsSync(copy)) expect(readFileSync(copy, 'utf8')).toBe(readFileSync(join(schemaDir, 'editor', 'plan.json'), 'utf8'));
  });
});
