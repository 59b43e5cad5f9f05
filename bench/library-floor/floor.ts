/**
 * The library floor of the CLI start-up bench: the least any checker built on the libraries the
 * product is made of (yaml, zod, json-rules-engine) does for one plan, bundled and loaded
 * exactly as the CLI is (one minified CommonJS file with its V8 code cache, through
 * packages/cli/bin/laatuvahti.cjs's loader): read the file, parse it with positions, validate
 * two fields with a zod schema, run one rule in a json-rules-engine Engine, write one line.
 * Whatever the CLI takes beyond this floor is Laatuvahti's own cost.
 */
import { readFileSync, writeSync } from 'node:fs';
import { Engine } from 'json-rules-engine';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';

async function checkOne(text: string): Promise<string> {
  const doc = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false });
  const shape = z.object({ apiVersion: z.string(), kind: z.enum(['SelfMonitoringPlan', 'ServiceDescription']) }).safeParse(doc.toJS());
  const engine = new Engine([{ conditions: { all: [{ fact: 'kind', operator: 'equal', value: 'SelfMonitoringPlan' }] }, event: { type: 'kind' } }]);
  const { events } = await engine.run({ kind: shape.success ? shape.data.kind : '' });
  return `${doc.errors.length} syntax errors, shape ${shape.success ? 'ok' : 'wrong'}, ${events.length} rule fired\n`;
}

export async function main(file: string): Promise<void> {
  writeSync(1, await checkOne(readFileSync(file, 'utf8')));
}

/** Compiles what `main` runs before the build saves the code cache (as the CLI's warm-up does). */
export async function warmUp(): Promise<void> {
  await checkOne('apiVersion: laatuvahti/v1\nkind: SelfMonitoringPlan\n');
}
