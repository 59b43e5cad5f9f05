// CLI as whole processes: (a) one small plan against `node -e 0` in the same run, and against the
// library floor (bench/library-floor: yaml, zod and json-rules-engine bundled and loaded like the
// CLI, doing the least a checker does for one plan), which shows how much of the start-up is the
// libraries' and how much Laatuvahti's own; (b) 2,000 generated plans of 240 to 360 lines (300 on
// average) in one run: plans per second and peak memory.
// Prints a table and one JSON line (nothing is asserted).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generatePlan } from './generate-plan.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages', 'cli', 'bin', 'laatuvahti.cjs');
const floor = join(root, 'bench', 'library-floor', 'run.cjs');

/** Builds the library floor's bundle and code cache (seconds; once per bench run). */
function buildFloor() {
  const tsup = join(root, 'node_modules', 'tsup', 'dist', 'cli-default.js');
  const r = spawnSync(process.execPath, [tsup, '--config', join(root, 'bench', 'library-floor', 'tsup.config.mts')], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building the library floor failed:\n${r.stdout}${r.stderr}`);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Wall time of a process, and its peak RSS via GNU time when available. */
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function run(args) {
  const t0 = performance.now();
  const r = GNU_TIME
    ? spawnSync(GNU_TIME, ['-f', '%M', process.execPath, ...args], { encoding: 'utf8' })
    : spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = performance.now() - t0;
  const rssKb = GNU_TIME ? Number((r.stderr.trim().split('\n').pop() ?? '').trim()) : NaN;
  return { ms, status: r.status, rssKb: Number.isFinite(rssKb) ? rssKb : NaN, stdout: r.stdout };
}

export function measureCli() {
  const dir = mkdtempSync(join(tmpdir(), 'laatuvahti-bench-cli-'));
  const small = join(dir, 'small.yaml');
  writeFileSync(small, generatePlan(100));
  buildFloor();
  const nodeTimes = [];
  const floorTimes = [];
  const cliTimes = [];
  const each = () => [run(['-e', '0']), run([floor, small]), run([cli, 'check', small, '--today', '2026-10-01'])];
  for (let i = 0; i < 3; i++) each();
  for (let i = 0; i < 15; i++) {
    const [n, f, c] = each();
    if (f.status !== 0) throw new Error('the library floor failed');
    nodeTimes.push(n.ms);
    floorTimes.push(f.ms);
    cliTimes.push(c.ms);
  }
  const startup = { nodeMs: +median(nodeTimes).toFixed(1), floorMs: +median(floorTimes).toFixed(1), cliMs: +median(cliTimes).toFixed(1) };
  startup.ratio = +(startup.cliMs / startup.nodeMs).toFixed(2);
  startup.floorRatio = +(startup.floorMs / startup.nodeMs).toFixed(2);

  const many = join(dir, 'many');
  mkdirSync(many);
  const COUNT = 2000;
  // Plans of 240 to 360 lines (300 on average), each with its own unit name: a folder of real
  // plans differs in size and content, and no run may profit from identical files.
  const sizes = [];
  for (let i = 0; i < COUNT; i++) {
    const lines = 240 + ((i * 37) % 121);
    sizes.push(lines);
    writeFileSync(join(many, `plan-${String(i).padStart(4, '0')}.yaml`), generatePlan(lines).replace('Kotikallion', `Kotikallion ${i}`));
  }
  const bulk = run([cli, 'check', many, '--today', '2026-10-01', '--format', 'json', '--output', join(dir, 'out.json')]);
  const throughput = { plans: COUNT, meanLines: Math.round(sizes.reduce((a, b) => a + b, 0) / COUNT), seconds: +(bulk.ms / 1000).toFixed(2), plansPerSecond: Math.round(COUNT / (bulk.ms / 1000)), peakRssMb: +(bulk.rssKb / 1024).toFixed(1), exitCode: bulk.status };
  return { startup, throughput };
}

/** The human-readable lines of a `measureCli` result, with the targets. */
export function describeCli(r) {
  const s = r.startup;
  const t = r.throughput;
  return [
    `CLI start-up, one small plan: ${s.cliMs} ms vs node -e 0 ${s.nodeMs} ms = ${s.ratio}x (target <= 1.6x)`,
    `  library floor (yaml + zod + json-rules-engine bundled and loaded like the CLI, one trivial check): ${s.floorMs} ms = ${s.floorRatio}x; Laatuvahti's own share ${(s.cliMs - s.floorMs).toFixed(1)} ms`,
    `CLI throughput: ${t.plans} plans of 240-360 lines (mean ${t.meanLines}) in ${t.seconds} s = ${t.plansPerSecond} plans/s (target >= 500), peak RSS ${t.peakRssMb} MB`,
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = measureCli();
  for (const line of describeCli(r)) console.log(line);
  console.log(JSON.stringify({ bench: 'cli', ...r }));
}
