// Build step (run by tsup after bundling): stamps dist/cli.cjs with a build id derived from its
// content, runs a warm-up check in this process so the functions a real run needs get compiled,
// and saves V8's code cache as dist/cli.cjs.cache, headed by the same id. bin/laatuvahti.cjs
// uses the cache only when the ids match, so a stale cache is never applied to a new bundle.
'use strict';
const fs = require('node:fs');
const { createHash } = require('node:crypto');
const { loadBundle, BUNDLE, BUILD_ID_RE, CACHE_MAGIC } = require('../bin/laatuvahti.cjs');

async function main() {
  const source = fs.readFileSync(BUNDLE, 'utf8').replace(BUILD_ID_RE, '');
  const id = createHash('sha256').update(source).digest('hex').slice(0, 32);
  fs.writeFileSync(BUNDLE, `${source}\n//# laatuvahti-build=${id}\n`);
  const { exports: cli, script } = loadBundle(BUNDLE, false);
  await cli.warmUp();
  const data = script.createCachedData();
  fs.writeFileSync(`${BUNDLE}.cache`, Buffer.concat([Buffer.from(`${CACHE_MAGIC}${id}\n`, 'latin1'), data]));
  console.log(`code cache: ${(data.length / 1024).toFixed(0)} kB for build ${id.slice(0, 8)}`);
}

main().catch((e) => {
  // A missing cache only costs start-up time; the build itself stays good.
  console.warn(`code cache not written: ${e && e.stack ? e.stack : e}`);
  try {
    fs.rmSync(`${BUNDLE}.cache`, { force: true });
  } catch {}
});
