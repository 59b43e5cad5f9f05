// Peak memory of one very large plan (about 10.6 MB, 255,000 lines of generated plan): the CLI
// checking it as a file, and the language server opening it, publishing its diagnostics and
// answering an outline (documentSymbol) and a hover on it, as an editor asks right after
// opening. Peak RSS is the kernel's high-water mark (VmHWM, /proc, so Linux only).
// `node bench/big-plan-memory.mjs` (after `npm run build`) prints a table and one JSON line;
// nothing is asserted. BENCH_LSP_SERVER=<file> measures another build of the server.
//
// Figures on this 2-core machine (Node 20), four runs each, 2026-12-07:
//   CLI: 234-244 MB. Server, diagnostics published: 269-286 MB.
//   Server, then outline and hover: 700-709 MB before, 314-396 MB after two changes:
//   - the features' parse (hover, outline, code actions) is the check's own (`parsePlanText`:
//     the block reader where it can, yaml's parseDocument otherwise) instead of yaml's
//     parseDocument with comments, whose parse of this plan alone peaks at 424 MB RSS in a bare
//     process (the block reader: 216 MB);
//   - the outline lists at most 1,000 items of a list (document-symbols.ts): it had 103,847
//     symbols, 24 MB of JSON, about 135 MB of the peak.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generatePlan } from './generate-plan.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages', 'cli', 'bin', 'laatuvahti.cjs');
const server = process.env.BENCH_LSP_SERVER ?? join(root, 'packages', 'lsp', 'dist', 'server.cjs');
const LINES = Number(process.env.BENCH_BIG_LINES ?? 255_000);

/** The kernel's peak resident set of a live process, in MB. */
function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

/** The CLI on the plan; GNU time reports the peak of the whole process. */
function measureCli(file) {
  if (!existsSync('/usr/bin/time')) return { peakMb: NaN, ms: NaN };
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, 'check', file, '--today', '2026-10-01', '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  const kb = Number(r.stderr.trim().split('\n').pop());
  return { peakMb: +(kb / 1024).toFixed(0), ms: Math.round(ms), exitCode: r.status };
}

/** The server with the Node options the VS Code extension gives it. */
async function measureServer(file, text) {
  const nodeOptions = JSON.parse(readFileSync(join(root, 'packages', 'lsp', 'server-node-options.json'), 'utf8'));
  const child = spawn(process.execPath, [...nodeOptions, server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let published;
  const publishedOnce = new Promise((resolve) => (published = resolve));
  let count = 0;
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    count = p.diagnostics.length;
    published();
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dirname(file)).href, capabilities: {}, initializationOptions: { debounceMs: 0 } });
  conn.sendNotification('initialized', {});
  const uri = pathToFileURL(file).href;
  const t0 = performance.now();
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  await publishedOnce;
  const publishMs = performance.now() - t0;
  const afterPublish = peakRssMb(child.pid);
  await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 14, character: 4 } });
  const afterRequests = peakRssMb(child.pid);
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  await exited;
  conn.dispose();
  return { peakAfterPublishMb: +afterPublish.toFixed(0), peakAfterOutlineMb: +afterRequests.toFixed(0), publishMs: Math.round(publishMs), diagnostics: count };
}

const dir = mkdtempSync(join(tmpdir(), 'laatuvahti-bench-big-'));
try {
  const text = generatePlan(LINES);
  const file = join(dir, 'big-plan.yaml');
  writeFileSync(file, text);
  const mb = +(Buffer.byteLength(text) / 1e6).toFixed(1);
  const cliResult = measureCli(file);
  const lsp = await measureServer(file, text);
  console.log(`plan: ${mb} MB, ${text.split('\n').length - 1} lines`);
  console.log(`| what | peak RSS |\n|---|---|`);
  console.log(`| CLI check (json) | ${cliResult.peakMb} MB (${cliResult.ms} ms) |`);
  console.log(`| server, open -> diagnostics published | ${lsp.peakAfterPublishMb} MB (${lsp.publishMs} ms, ${lsp.diagnostics} diagnostics) |`);
  console.log(`| server, then outline and hover | ${lsp.peakAfterOutlineMb} MB |`);
  console.log(JSON.stringify({ bigPlanMemory: { planMb: mb, cli: cliResult, server: lsp } }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
