// Cost of a plan with very many unknown keys under one mapping (`unit:`), the shape of a pasted
// export: the check, its CPU time and its findings (at most 200 shape findings and one count).
// `node bench/unknown-keys.mjs [keys]` (after `npm run build`; default 100,000 keys) prints one
// JSON line; nothing is asserted (packages/core/src/check-hardening.test.ts holds a bound).
//
// Measured on the 2-core development machine (Node 20, shared and loaded), 100,000 keys, 1.6 MB:
// the check 2.3 s of CPU (3.6 s wall), most of it yaml's parse; the CLI on the same file 2.0 s of
// CPU. Before the shape step and the duplicate-key check were made linear the same check did
// not finish in 6 minutes (8,000 keys took 2.5 s, 20,000 keys 13 s).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { check } from '../packages/core/dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const keys = Number(process.argv[2] ?? 100_000);
const plan = readFileSync(join(root, 'fixtures', 'compliant', 'self-monitoring-plan.fi.yaml'), 'utf8');
const extra = Array.from({ length: keys }, (_, i) => `  stray${i}: x`).join('\n');
const text = plan.replace(/^unit:.*\n/m, `unit:\n${extra}\n`);

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const diagnostics = await check(text, { today: '2026-09-15' });
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const shape = diagnostics.filter((d) => d.ruleId.startsWith('schema-'));
console.log(JSON.stringify({ keys, bytes: text.length, ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), findings: diagnostics.length, shapeFindings: shape.length, note: shape.at(-1)?.message }));
