// `npm run bench`: times the core check against the plain `yaml` parse on generated plans of
// about 100, 1,000 and 10,000 lines, in one run, and prints a table and one JSON line.
// Targets (not asserted anywhere): check / parse <= 1.25 at 1,000 lines.
//
// The parse baseline is `yaml` as an importer gets it on Node (its Node build). Core carries
// yaml's platform-neutral build, the same parser without the Node build's per-token debug hook
// (packages/core/bundle-plugins.ts), so the table also gives that build's parse time and the
// check's ratio to it: what the rules, schema and ranges cost over the very parser core runs.
//
// The check reads plans in the plain block style with its own reader (parse/block-reader.ts)
// and everything else with yaml. The last column times the same plan behind a `---` line, which
// the block reader leaves to yaml: the check of a plan outside that subset.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { LineCounter, parseDocument } from 'yaml';
import { check } from '../packages/core/dist/index.js';
import { generatePlanWithCounts } from './generate-plan.mjs';

const yamlDir = dirname(createRequire(import.meta.url).resolve('yaml/package.json'));
const neutralYaml = await import(pathToFileURL(join(yamlDir, 'browser', 'index.js')).href);

const TODAY = '2026-10-01';
const sizes = [100, 1000, 10000];

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(fn, iterations) {
  const out = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return median(out);
}

const rows = [];
for (const size of sizes) {
  const { text, counts } = generatePlanWithCounts(size);
  const lines = text.split('\n').length - 1;
  const iterations = size >= 10000 ? 15 : size >= 1000 ? 60 : 200;
  const parse = () => parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false });
  const parseNeutral = () => neutralYaml.parseDocument(text, { lineCounter: new neutralYaml.LineCounter(), prettyErrors: false });
  const full = () => check(text, { today: TODAY });
  const viaYaml = `---\n${text}`;
  const fullViaYaml = () => check(viaYaml, { today: TODAY });
  // Warm every path up so the JIT has settled before measuring; then interleave the
  // measurements so machine noise hits all alike.
  for (let i = 0; i < 10; i++) {
    parse();
    parseNeutral();
    await full();
    await fullViaYaml();
  }
  const findings = (await full()).length;
  const parseTimes = [];
  const neutralTimes = [];
  const checkTimes = [];
  const viaYamlTimes = [];
  for (let round = 0; round < 3; round++) {
    parseTimes.push(await time(parse, Math.ceil(iterations / 3)));
    neutralTimes.push(await time(parseNeutral, Math.ceil(iterations / 3)));
    checkTimes.push(await time(full, Math.ceil(iterations / 3)));
    viaYamlTimes.push(await time(fullViaYaml, Math.ceil(iterations / 3)));
  }
  const parseMs = median(parseTimes);
  const neutralMs = median(neutralTimes);
  const checkMs = median(checkTimes);
  const viaYamlMs = median(viaYamlTimes);
  rows.push({
    lines,
    items: counts,
    parseMs: +parseMs.toFixed(3),
    checkMs: +checkMs.toFixed(3),
    ratio: +(checkMs / parseMs).toFixed(3),
    coreYamlParseMs: +neutralMs.toFixed(3),
    ratioToCoreYaml: +(checkMs / neutralMs).toFixed(3),
    checkViaYamlMs: +viaYamlMs.toFixed(3),
    ratioViaYaml: +(viaYamlMs / parseMs).toFixed(3),
    findings,
  });
}

console.log('core check vs yaml parse (median ms, warm, one process); parse = yaml as importers get it on Node,');
console.log("core's yaml = the platform-neutral yaml build core carries (same parser, no per-token debug hook);");
console.log('via yaml = the same plan checked through yaml\'s parser, as any plan outside the block reader\'s subset is');
console.log('lines     parse ms   check ms   check/parse   core\'s yaml ms   check/that   via yaml ms   via yaml/parse   findings   list items (services/activities/reports/roles/groups)');
for (const r of rows) {
  console.log(`${String(r.lines).padEnd(9)} ${r.parseMs.toFixed(2).padStart(8)}   ${r.checkMs.toFixed(2).padStart(8)}   ${r.ratio.toFixed(2).padStart(11)}   ${r.coreYamlParseMs.toFixed(2).padStart(14)}   ${r.ratioToCoreYaml.toFixed(2).padStart(10)}   ${r.checkViaYamlMs.toFixed(2).padStart(11)}   ${r.ratioViaYaml.toFixed(2).padStart(14)}   ${String(r.findings).padStart(8)}   ${r.items.services}/${r.items.activities}/${r.items.reports}/${r.items.roles}/${r.items.groups}`);
}
console.log(JSON.stringify({ bench: 'core', node: process.version, rows }));

// Whole-process CLI figures and language-server latency, when those packages are built.
const only = process.argv[2];
const results = { core: rows };
if (!only || only === 'cli') {
  const { describeCli, measureCli } = await import('./cli-throughput.mjs');
  const r = measureCli();
  console.log(`\n${describeCli(r).join('\n')}`);
  console.log(JSON.stringify({ bench: 'cli', ...r }));
  results.cli = r;
}
if (!only || only === 'lsp') {
  const { measureLsp } = await import('./lsp-latency.mjs');
  const r = await measureLsp();
  console.log('\nlanguage server: didChange -> diagnostics (debounce 0, stdio; targets: median <= 15 ms at 1,000 lines, <= 150 ms at 10,000)');
  for (const row of r.rows) console.log(`${String(row.lines).padEnd(7)} lines  median ${row.medianMs} ms  max ${row.maxMs} ms  (first edit of a fresh server ${row.firstEditMs} ms)`);
  console.log(`RSS with 50 open plans: ${r.rssMbWith50Open} MB`);
  console.log(JSON.stringify({ bench: 'lsp', ...r }));
  results.lsp = r;
}
console.log(JSON.stringify({ bench: 'all', node: process.version, ...results }));
