/**
 * Test helper: the bundled rule pack with social-activity-regular as it was in pack v1 (any
 * unit, every activity at most a month apart), the vehicle of the engine tests for ranges,
 * suppressions, memo and pacing. Not part of the public API.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { bundledPackSource } from '../default-pack.js';
import { compilePack, type CompiledPack } from '../rules/compile-pack.js';
import type { RuleFile } from '../rules/rule-schema.js';

let pack: CompiledPack | undefined;

/** The bundled pack with the v1 activity rule in place of the shipped one. */
export function v1ActivityPack(): CompiledPack {
  if (pack) return pack;
  const v1 = parse(readFileSync(new URL('./activity-rule-v1.yaml', import.meta.url), 'utf8')) as RuleFile;
  const source = bundledPackSource();
  pack = compilePack({ ...source, rules: source.rules.map((r) => (r.definition.id === v1.id ? { ...r, definition: v1 } : r)) });
  return pack;
}
