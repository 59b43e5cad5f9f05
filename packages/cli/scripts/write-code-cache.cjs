// Build step (run by tsup after bundling): stamps dist/cli.cjs with a build id derived from its
// content, runs a warm-up check in this process so the functions a real run needs get compiled,
// and saves V8's code cache as dist/cli.cjs.cache, headed by the same id. bin/laatuvahti.cjs
// uses the cache only when the ids match, so a stale cache is never applied to a new bundle.
// `node write-code-cache.cjs OTHER.cjs` does the same for another bundle that exports `warmUp`
// (the bench's library floor, bench/library-floor/).
'use strict';
const fs = require('node:fs');
const { createHash } = require('node:crypto');
const { loadBundle, BUNDLE, BUILD_ID_RE, CACHE_MAGIC } = require('../bin/laatuvahti.cjs');

const bundle = process.argv[2] ? require('node:path').resolve(process.argv[2]) : BUNDLE;

async function main() {
  const source = fs.readFileSync(bundle, 'utf8').replace(BUILD_ID_RE, '');
  const id = createHash('sha256').update(source).digest('hex').slice(0, 32);
  fs.writeFileSync(bundle, `${source}\n//# laatuvahti-build=${id}\n`);
  const { exports: loaded, script } = loadBundle(bundle, false);
  await loaded.warmUp();
  const data = script.createCachedData();
  fs.writeFileSync(`${bundle}.cache`, Buffer.concat([Buffer.from(`${CACHE_MAGIC}${id}\n`, 'latin1'), data]));
  console.log(`code cache: ${(data.length / 1024).toFixed(0)} kB for build ${id.slice(0, 8)}`);
}

main().catch((e) => {
  // A missing cache only costs start-up time; the build itself stays good.
  console.warn(`code cache not written: ${e && e.stack ? e.stack : e}`);
  try {
    fs.rmSync(`${bundle}.cache`, { force: true });
  } catch {}
});
