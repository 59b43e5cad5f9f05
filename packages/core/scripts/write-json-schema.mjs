// Build step: writes a JSON Schema per plan kind, generated from the zod schemas
// (z.toJSONSchema), to dist/schema/, for any editor (the VS Code extension contributes them
// through `yamlValidation`, so Red Hat YAML users get completion and hovers too).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { schemasByKind } from '../dist/index.js';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'schema');
mkdirSync(outDir, { recursive: true });
const names = { SelfMonitoringPlan: 'self-monitoring-plan', ServiceDescription: 'service-description' };
const combined = { $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'Laatuvahti plan (laatuvahti/v1)', anyOf: [] };
for (const [kind, schema] of Object.entries(schemasByKind)) {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' });
  json.title = `Laatuvahti ${kind} (laatuvahti/v1)`;
  writeFileSync(join(outDir, `${names[kind]}.json`), JSON.stringify(json, null, 2) + '\n');
  combined.anyOf.push({ $ref: `./${names[kind]}.json` });
}
writeFileSync(join(outDir, 'plan.json'), JSON.stringify(combined, null, 2) + '\n');
console.log(`wrote JSON Schemas to ${outDir}`);
