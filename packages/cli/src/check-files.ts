/**
 * CLI, check step for many files: in this thread for a handful, otherwise spread over worker
 * threads (one per core), each fed small batches so that a slow file does not leave a core
 * idle. Results come back in the order of the files.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { checkFile, createResolver, type CheckJob, type CheckedFile } from './check-file.js';
import type { BatchRequest, BatchResponse, WorkerData } from './check-worker.js';

/** The argument that makes the bin serve check batches instead of parsing a command line. */
export const WORKER_FLAG = '--laatuvahti-worker';

/** Below this many files, starting workers costs more than it saves. */
export const IN_PROCESS_LIMIT = 48;

/** How to run a check over many files. */
export interface CheckFilesOptions {
  /** The script a worker thread runs (the bin, which calls `runWorker`). */
  workerEntry?: string;
  /** Number of threads; default: `LAATUVAHTI_THREADS`, else the available cores. */
  threads?: number;
  /** Called after each finished batch with the number of files done. */
  onProgress?: (done: number) => void;
  /** Files named on the command line: each is checked as a plan whatever it holds (see `checkFile`). */
  named?: ReadonlySet<string>;
}

/** Checks `files`; never rejects for a file's content, only for a broken worker. */
export async function checkFiles(files: readonly string[], job: CheckJob, options: CheckFilesOptions = {}): Promise<CheckedFile[]> {
  const named = options.named ?? new Set<string>();
  if (!options.workerEntry || files.length <= IN_PROCESS_LIMIT) return checkInProcess(files, job, named, options.onProgress);
  const threads = Math.min(options.threads ?? threadsFromEnv() ?? availableParallelism(), Math.ceil(files.length / 16));
  if (threads < 2) return checkInProcess(files, job, named, options.onProgress);
  // Loaded only here: node:worker_threads costs a fresh process more than checking one plan.
  const { Worker } = await import('node:worker_threads');
  return checkInWorkers(Worker, files, job, named, options.workerEntry, threads, options.onProgress);
}

/** `LAATUVAHTI_THREADS=N`: for containers that report more cores than they may use. */
function threadsFromEnv(): number | undefined {
  const n = Number(process.env.LAATUVAHTI_THREADS);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

async function checkInProcess(files: readonly string[], job: CheckJob, named: ReadonlySet<string>, onProgress?: (done: number) => void): Promise<CheckedFile[]> {
  const resolver = createResolver(job);
  const results: CheckedFile[] = [];
  for (const file of files) {
    results.push(await checkFile(resolver, file, job, named.has(file)));
    onProgress?.(results.length);
  }
  return results;
}

function checkInWorkers(
  WorkerClass: typeof Worker,
  files: readonly string[],
  job: CheckJob,
  named: ReadonlySet<string>,
  entry: string,
  threads: number,
  onProgress?: (done: number) => void,
): Promise<CheckedFile[]> {
  // Small batches balance the load; two in flight per worker hide the message round trip.
  const batchSize = Math.max(1, Math.min(16, Math.ceil(files.length / (threads * 8))));
  const results: CheckedFile[] = new Array(files.length);
  const starts = new Map<number, number>();
  let next = 0;
  let nextId = 0;
  let done = 0;
  const workers: Worker[] = [];

  return new Promise<CheckedFile[]>((resolveAll, rejectAll) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      void Promise.all(workers.map((w) => w.terminate())).then(() => (error ? rejectAll(error) : resolveAll(results)));
    };
    const feed = (worker: Worker) => {
      if (next >= files.length) return;
      const id = nextId++;
      starts.set(id, next);
      const batch = files.slice(next, next + batchSize);
      next += batch.length;
      worker.postMessage({ id, files: batch, named: batch.map((f) => named.has(f)) } satisfies BatchRequest);
    };
    const workerData: WorkerData = { laatuvahtiWorker: true, job };
    for (let i = 0; i < threads; i++) {
      const worker = new WorkerClass(entry, { workerData, argv: [WORKER_FLAG] });
      workers.push(worker);
      worker.on('message', (response: BatchResponse) => {
        const start = starts.get(response.id)!;
        starts.delete(response.id);
        response.results.forEach((r, k) => (results[start + k] = r));
        done += response.results.length;
        onProgress?.(done);
        if (done === files.length) finish();
        else feed(worker);
      });
      worker.on('error', (e) => finish(e instanceof Error ? e : new Error(String(e))));
      worker.on('exit', (code) => {
        if (!settled && code !== 0) finish(new Error(`a check worker stopped with exit code ${code}`));
      });
      feed(worker);
      feed(worker);
    }
  });
}
