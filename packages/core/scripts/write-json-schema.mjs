// Build step: writes JSON Schemas generated from the zod schemas (z.toJSONSchema) to
// dist/schema/, so they can never drift from what the checker accepts:
//
//   self-monitoring-plan.json, service-description.json, plan.json (either kind) and
//   laatuvahti.config.json: the full schemas, for integrators' own validators;
//   editor/<the same names>: completion and hover only, for an editor that runs Laatuvahti
//   beside a JSON Schema validator. The VS Code extension contributes these through
//   `yamlValidation`: Red Hat's YAML extension (yaml-language-server) validates a document
//   against every schema it is given and would report each misspelt key or wrong value a second
//   time, with a raw regular expression for a message, next to Laatuvahti's own finding. A hint
//   schema keeps the keys, descriptions and values to complete but has nothing that can fail.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { configFileSchema, schemasByKind } from '../dist/internal.js';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'schema');
const editorDir = join(outDir, 'editor');
mkdirSync(editorDir, { recursive: true });

/** Keywords whose value is one subschema. */
const ONE = ['items', 'additionalProperties', 'additionalItems', 'unevaluatedProperties', 'unevaluatedItems', 'then', 'else'];
/** Keywords whose value is a list of subschemas. */
const LIST = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];
/** Keywords whose value maps names to subschemas. */
const MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
/**
 * What a validator can fail on. `enum` and `const` move to `examples` (yaml-language-server
 * offers examples as completions and inserts a lone one after the key); `type` is implied by
 * `properties` / `items` for the completion's inserted text.
 */
const CONSTRAINTS = new Set([
  'type', 'enum', 'const', 'required', 'pattern', 'format', 'minLength', 'maxLength', 'minimum', 'maximum',
  'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'minProperties',
  'maxProperties', 'minContains', 'maxContains', 'dependentRequired', 'not', 'propertyNames', 'contains',
]);

/**
 * The hint variant of a JSON Schema node: the same structure and descriptions, no constraint.
 * `oneOf` becomes `anyOf` (with nothing left to tell the branches apart, `oneOf` would fail as
 * "matches multiple schemas"), and a boolean `additionalProperties` (`false` for unknown keys)
 * goes, like any other boolean subschema; a schema-valued one stays, since it describes the
 * values of a map such as `rules:`.
 */
function toEditorHints(node) {
  if (Array.isArray(node)) return node.map(toEditorHints);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (CONSTRAINTS.has(key)) continue;
    // An `if` only chooses which `then` applies and is never reported, so it stays whole.
    if (key === 'if') out[key] = value;
    else if (ONE.includes(key) && typeof value === 'boolean') continue;
    else if (ONE.includes(key)) out[key] = toEditorHints(value);
    else if (LIST.includes(key)) out[key === 'oneOf' ? 'anyOf' : key] = value.map(toEditorHints);
    else if (MAP.includes(key)) out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toEditorHints(v)]));
    else out[key] = value;
  }
  const values = node.enum ?? ('const' in node ? [node.const] : undefined);
  if (values) out.examples = [...new Set([...values, ...(node.examples ?? [])])];
  // A `type` in an editor schema is read only for the text a key's completion inserts; without
  // it a scalar key would be inserted bare ("name" instead of "name: "). An `anyOf` of the type
  // and the empty schema keeps that text (yaml-language-server inserts "key: " for an anyOf)
  // and can never fail.
  if (typeof node.type === 'string' && !['object', 'array'].includes(node.type) && !out.examples && !out.anyOf) {
    out.anyOf = [{ type: node.type }, {}];
  }
  return out;
}

/** Writes one schema in both variants. */
function write(name, schema) {
  writeFileSync(join(outDir, `${name}.json`), JSON.stringify(schema, null, 2) + '\n');
  const hints = toEditorHints(schema);
  hints.description = [schema.description, 'Completion and hover only: Laatuvahti reports the problems.'].filter(Boolean).join(' ');
  writeFileSync(join(editorDir, `${name}.json`), JSON.stringify(hints, null, 2) + '\n');
}

const toJson = (schema, title) => ({
  ...z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }),
  title,
});

const names = { SelfMonitoringPlan: 'self-monitoring-plan', ServiceDescription: 'service-description' };
for (const [kind, schema] of Object.entries(schemasByKind)) write(names[kind], toJson(schema, `Laatuvahti ${kind} (laatuvahti/v1)`));
// Either kind, chosen by `kind:`. `if`/`then` rather than `anyOf`: a plan that is not right yet
// would otherwise fail both branches and be reported against the wrong kind too, and in the
// editor variant (where nothing fails) completion would mix the keys of both kinds.
write('plan', {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Laatuvahti plan (laatuvahti/v1)',
  allOf: Object.entries(names).map(([kind, file]) => ({
    if: { properties: { kind: { const: kind } }, required: ['kind'] },
    then: { $ref: `./${file}.json` },
  })),
  properties: { kind: { enum: Object.keys(names), description: 'Kind of document.' } },
  required: ['kind'],
});
write('laatuvahti.config', toJson(configFileSchema, 'Laatuvahti configuration (laatuvahti.config.yaml)'));
console.log(`wrote JSON Schemas to ${outDir} and their editor variants to ${editorDir}`);
