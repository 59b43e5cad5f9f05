// Language-server latency through a real stdio connection: the time from `didChange` to the
// diagnostics of that version, debounce 0, for plans of about 1,000 and 10,000 lines; and the
// server's memory with 50 open plans. Prints a table and one JSON line (nothing is asserted).
// BENCH_LSP_SERVER=<file> measures another build of the server (to compare two builds in turns
// on a machine whose speed drifts).
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generatePlan } from './generate-plan.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const server = process.env.BENCH_LSP_SERVER ?? join(root, 'packages', 'lsp', 'dist', 'server.cjs');

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function measureLsp() {
  const dir = mkdtempSync(join(tmpdir(), 'laatuvahti-bench-lsp-'));
  // Launched with the Node options the VS Code extension gives it.
  const nodeOptions = JSON.parse(readFileSync(join(root, 'packages', 'lsp', 'server-node-options.json'), 'utf8'));
  const child = spawn(process.execPath, [...nodeOptions, server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const w = waiters.get(p.uri);
    if (w && (p.version === undefined || p.version === w.version)) {
      waiters.delete(p.uri);
      w.resolve(performance.now());
    }
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ debounceMs: 0, locale: 'en' })));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { debounceMs: 0 },
  });
  conn.sendNotification('initialized', {});

  const waitFor = (uri, version) => new Promise((resolve) => waiters.set(uri, { version, resolve }));
  const rows = [];
  for (const size of [1000, 10000]) {
    const text = generatePlan(size);
    const uri = pathToFileURL(join(dir, `plan-${size}.yaml`)).href;
    writeFileSync(fileURLToPath(uri), text);
    let version = 1;
    let p = waitFor(uri, version);
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    await p;
    const times = [];
    // The first edits of a fresh server run before the JIT has optimised the checker; they are
    // reported on their own (firstEditMs), and the median is taken over the edits after them, as
    // a quality officer typing in an editor that has been open for a while sees it.
    const warmUp = size >= 10000 ? 3 : 10;
    const rounds = size >= 10000 ? 15 : 40;
    let firstEditMs = 0;
    for (let i = 0; i < warmUp + rounds; i++) {
      version++;
      // A realistic edit: the plan's `updated` line changes; the server gets the full text.
      const edited = text.replace('updated: 2026-09-15', `updated: 2026-09-${String(10 + (i % 9)).padStart(2, '0')}`);
      p = waitFor(uri, version);
      const t0 = performance.now();
      conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: edited }] });
      const ms = (await p) - t0;
      if (i === 0) firstEditMs = ms;
      if (i >= warmUp) times.push(ms);
    }
    rows.push({ lines: text.split('\n').length - 1, firstEditMs: +firstEditMs.toFixed(2), medianMs: +median(times).toFixed(2), maxMs: +Math.max(...times).toFixed(2) });
    conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  // Memory with 50 open plans of ~300 lines.
  const opened = [];
  for (let i = 0; i < 50; i++) {
    const uri = pathToFileURL(join(dir, `open-${i}.yaml`)).href;
    const p = waitFor(uri, 1);
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: generatePlan(300) } });
    opened.push(p);
  }
  await Promise.all(opened);
  const rssMb = Number(readRss(child.pid) / 1024).toFixed(1);
  await conn.sendRequest('shutdown');
  conn.sendNotification('exit');
  child.kill();
  return { rows, rssMbWith50Open: +rssMb };
}

function readRss(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await measureLsp();
  console.log('language server: didChange -> diagnostics (debounce 0, stdio)');
  for (const row of r.rows) console.log(`${String(row.lines).padEnd(7)} lines  median ${row.medianMs} ms  max ${row.maxMs} ms  (first edit of a fresh server ${row.firstEditMs} ms)`);
  console.log(`RSS with 50 open plans: ${r.rssMbWith50Open} MB`);
  console.log(JSON.stringify({ bench: 'lsp', ...r }));
}
