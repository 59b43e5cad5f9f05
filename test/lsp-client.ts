/**
 * Test helper: spawns the built language server and speaks JSON-RPC over its stdio as an
 * editor would. Every wait is for a message (a response or a matching notification), never
 * for time passing.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const SERVER = join(__dirname, '..', 'packages', 'lsp', 'dist', 'server.cjs');

/** A published diagnostic, as the wire carries it. */
export interface WireDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  relatedInformation?: { location: { uri: string; range: WireDiagnostic['range'] }; message: string }[];
  data?: unknown;
}

/** One `textDocument/publishDiagnostics` notification. */
export interface Publish {
  uri: string;
  version?: number;
  diagnostics: WireDiagnostic[];
}

/** A text edit on the wire. */
export interface WireEdit {
  range: WireDiagnostic['range'];
  newText: string;
}

export interface ClientOptions {
  /** Capabilities sent in `initialize` (default: push diagnostics, no configuration). */
  capabilities?: Record<string, unknown>;
  initializationOptions?: unknown;
  rootUri?: string | null;
  /** Answer to `workspace/configuration` requests (section laatuvahti). */
  configuration?: () => unknown;
  env?: Record<string, string>;
}

type Waiter = { match: (p: Publish) => boolean; resolve: (p: Publish) => void };

/** A client speaking to one server process. */
export class LspClient {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly conn: MessageConnection;
  /** Every publish received, in order. */
  readonly publishes: Publish[] = [];
  /** Every `window/logMessage` received. */
  readonly logs: { type: number; message: string }[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly exited: Promise<number | null>;
  private waiters: Waiter[] = [];
  private logWaiters: { match: (m: { type: number; message: string }) => boolean; resolve: () => void }[] = [];
  private versions = new Map<string, number>();
  private stderr = '';

  constructor(private readonly options: ClientOptions = {}) {
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { env: { ...process.env, ...(options.env ?? {}) } });
    this.proc.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.exited = new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: Publish) => {
      this.publishes.push(p);
      this.waiters = this.waiters.filter((w) => (w.match(p) ? (w.resolve(p), false) : true));
    });
    this.conn.onNotification('window/logMessage', (m: { type: number; message: string }) => {
      this.logs.push(m);
      this.logWaiters = this.logWaiters.filter((w) => (w.match(m) ? (w.resolve(), false) : true));
    });
    this.conn.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => options.configuration?.() ?? null));
    this.conn.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.conn.onRequest('workspace/diagnostic/refresh', () => null);
    this.conn.listen();
  }

  /** initialize + initialized; returns the server's capabilities. */
  async start(): Promise<Record<string, unknown>> {
    const result = await this.conn.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: this.options.rootUri ?? null,
      capabilities: this.options.capabilities ?? {},
      initializationOptions: this.options.initializationOptions,
    });
    await this.conn.sendNotification('initialized', {});
    return result.capabilities;
  }

  /** Resolves with the first publish from now on that matches. */
  nextPublish(match: (p: Publish) => boolean): Promise<Publish> {
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** Resolves with the first log message from now on that matches. */
  nextLog(match: (m: { type: number; message: string }) => boolean): Promise<void> {
    return new Promise((resolve) => this.logWaiters.push({ match, resolve }));
  }

  /** Opens a document and waits for its first publish. */
  async open(uri: string, text: string): Promise<Publish> {
    const published = this.nextPublish((p) => p.uri === uri && p.version === 1);
    this.versions.set(uri, 1);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return published;
  }

  /** Opens a document without waiting for anything. */
  async openQuietly(uri: string, text: string, languageId = 'yaml'): Promise<void> {
    this.versions.set(uri, 1);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text (a new version); returns that version. */
  async replace(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** Applies incremental edits (a new version); returns that version. */
  async edit(uri: string, edits: WireEdit[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
    });
    return version;
  }

  /** Replaces the text and waits for the diagnostics of exactly that version. */
  async change(uri: string, text: string): Promise<Publish> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    const published = this.nextPublish((p) => p.uri === uri && p.version === version);
    await this.replace(uri, text);
    return published;
  }

  async close(uri: string): Promise<void> {
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.conn.sendRequest<T>(method, params);
  }

  /** Listens for a server notification other than diagnostics and logs. */
  onNotification<P>(method: string, handler: (params: P) => void): void {
    this.conn.onNotification(method, handler);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  /** shutdown + exit; resolves with the process's exit code. */
  async stop(): Promise<number | null> {
    await this.conn.sendRequest('shutdown');
    await this.conn.sendNotification('exit');
    const code = await this.exited;
    this.conn.dispose();
    return code;
  }

  /** Kills the process if a test failed before `stop`. */
  kill(): void {
    if (this.proc.exitCode === null) this.proc.kill();
  }

  get serverStderr(): string {
    return this.stderr;
  }
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: WireEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => Math.min((lineStarts[p.line] ?? text.length) + p.character, text.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
