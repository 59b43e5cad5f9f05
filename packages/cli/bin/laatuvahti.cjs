#!/usr/bin/env node
'use strict';
// The `laatuvahti` command. Loads the bundled CLI (dist/cli.cjs) together with the V8 code
// cache the build wrote for it (dist/cli.cjs.cache), which spares most of the compile time of
// a fresh process. The cache is used only when it was made for exactly this bundle (build id)
// and V8 accepts it (same Node version and flags); otherwise the bundle compiles as usual.
// Worker threads run this same file and serve check batches.

const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { createRequire } = require('node:module');

const BUILD_ID_RE = /\n\/\/# laatuvahti-build=([0-9a-f]+)\n?$/;
const CACHE_MAGIC = 'laatuvahti-code-cache ';

/** The wrapper Node itself puts around a CommonJS module. */
function wrap(source) {
  return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
}

/** The cached code for `source`, when the cache file belongs to it. */
function readCache(file, source) {
  const id = BUILD_ID_RE.exec(source.slice(-120));
  if (!id || process.env.LAATUVAHTI_NO_CODE_CACHE) return undefined;
  let data;
  try {
    data = fs.readFileSync(`${file}.cache`);
  } catch {
    return undefined;
  }
  const header = `${CACHE_MAGIC}${id[1]}\n`;
  return data.toString('latin1', 0, header.length) === header ? data.subarray(header.length) : undefined;
}

/**
 * Compiles and runs a CommonJS bundle; returns its exports and the compiled script (the build
 * asks the script for its code cache). `useCache: false` compiles from scratch.
 */
function loadBundle(file, useCache = true) {
  const source = fs.readFileSync(file, 'utf8');
  const cachedData = useCache ? readCache(file, source) : undefined;
  const script = new vm.Script(wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, createRequire(file), mod, file, path.dirname(file));
  return { exports: mod.exports, script, cacheRejected: cachedData ? script.cachedDataRejected === true : undefined };
}

const BUNDLE = path.join(__dirname, '..', 'dist', 'cli.cjs');

/** The argument worker threads are started with (see check-files.ts); spares loading worker_threads here. */
const WORKER_FLAG = '--laatuvahti-worker';

if (require.main === module) {
  const cli = loadBundle(BUNDLE).exports;
  if (process.argv[2] === WORKER_FLAG) {
    cli.runWorker(require('node:worker_threads').workerData);
  } else {
    cli.runCli(process.argv.slice(2), { workerEntry: __filename }).then(
      (code) => {
        process.exitCode = code;
      },
      (error) => {
        process.stderr.write(`laatuvahti: internal error: ${error && error.stack ? error.stack : error}\n`);
        process.exitCode = 2;
      },
    );
  }
} else {
  module.exports = { loadBundle, BUNDLE, BUILD_ID_RE, CACHE_MAGIC };
}
