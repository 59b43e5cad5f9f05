/**
 * CLI, check step in a worker thread: receives batches of file paths, checks them one after
 * another with its own `SettingsResolver` (so packs are compiled once per thread and runs on
 * an Engine never overlap), and posts the results back.
 */
import { parentPort } from 'node:worker_threads';
import { checkFile, createResolver, type CheckJob, type CheckedFile } from './check-file.js';

/** Data a worker is started with (`workerData`). */
export interface WorkerData {
  laatuvahtiWorker: true;
  job: CheckJob;
}

/** A batch to check. */
export interface BatchRequest {
  id: number;
  files: string[];
  /** For each file, whether it was named on the command line (see `checkFile`). */
  named: boolean[];
}

/** The results of a batch, in the order of its files. */
export interface BatchResponse {
  id: number;
  results: CheckedFile[];
}

/** Starts answering batch requests on `parentPort`. Called by the bin inside a worker. */
export function runWorker(data: WorkerData): void {
  const port = parentPort;
  if (!port) throw new Error('runWorker must run inside a worker thread');
  const resolver = createResolver(data.job);
  port.on('message', (request: BatchRequest) => {
    void (async () => {
      const results: CheckedFile[] = [];
      for (const [i, file] of request.files.entries()) results.push(await checkFile(resolver, file, data.job, request.named[i]));
      port.postMessage({ id: request.id, results } satisfies BatchResponse);
    })();
  });
}
