// CLI as whole processes: (a) one small plan against `node -e 0` in the same run; (b) 2,000
// generated plans of 240 to 360 lines (300 on average) in one run: plans per second and peak memory.
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
  const nodeTimes = [];
  const cliTimes = [];
  for (let i = 0; i < 3; i++) run(['-e', '0']), run([cli, 'check', small, '--today', '2026-10-01']);
  for (let i = 0; i < 15; i++) {
    nodeTimes.push(run(['-e', '0']).ms);
    cliTimes.push(run([cli, 'check', small, '--today', '2026-10-01']).ms);
  }
  const startup = { nodeMs: +median(nodeTimes).toFixed(1), cliMs: +median(cliTimes).toFixed(1) };
  startup.ratio = +(startup.cliMs / startup.nodeMs).toFixed(2);

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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = measureCli();
  console.log(`CLI start-up, one small plan: ${r.startup.cliMs} ms vs node -e 0 ${r.startup.nodeMs} ms = ${r.startup.ratio}x`);
  console.log(`CLI throughput: ${r.throughput.plans} plans of 240-360 lines (mean ${r.throughput.meanLines}) in ${r.throughput.seconds} s = ${r.throughput.plansPerSecond} plans/s, peak RSS ${r.throughput.peakRssMb} MB`);
  console.log(JSON.stringify({ bench: 'cli', ...r }));
}
