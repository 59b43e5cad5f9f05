/**
 * Build: one CommonJS file, dist/cli.cjs, with @laatuvahti/core, yaml, zod, json-rules-engine
 * and picomatch inside, so start-up reads and compiles a single file. Core is bundled from its
 * sources (same code as its dist), which keeps the CLI in step with the rule pack generated
 * into core's src/generated/ without rebuilding core's own outputs. After the bundle is
 * written, scripts/write-code-cache.cjs saves V8's compiled code for it next to it.
 */
import { defineConfig } from 'tsup';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { engineStandIns } from '../core/engine-stand-ins.js';

const coreSrc = fileURLToPath(new URL('../core/src/', import.meta.url));

/**
 * zod bundles error messages for about fifty languages and always imports them all through one
 * namespace. Core never switches zod's locale (it writes its own fi/sv/en messages), so only
 * the English one zod installs by default is kept: the bundle shrinks by about 250 kB.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /[\\/]locales[\\/]index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: resolve(args.resolveDir, args.path), namespace: 'zod-locales' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(resolve(dirname(args.path), 'en.js'))};`,
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * The generated rule pack (rules, READMEs, reference data: hundreds of kB) as a string handed to
 * JSON.parse instead of a JavaScript object literal: V8 parses JSON several times faster than
 * the same data as code, and the code cache stays small.
 */
const packAsJsonString: Plugin = {
  name: 'pack-as-json-string',
  setup(build) {
    build.onLoad({ filter: /[\\/]generated[\\/]pack\.json$/ }, async (args) => ({
      contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(await readFile(args.path, 'utf8'))))});`,
      loader: 'js',
    }));
  },
};

export default defineConfig({
  entry: { cli: 'src/main.ts' },
  format: ['cjs'],
  outExtension: () => ({ js: '.cjs' }),
  platform: 'node',
  target: 'node20',
  bundle: true,
  splitting: false,
  noExternal: ['@laatuvahti/core', 'yaml', 'zod', 'json-rules-engine', 'picomatch'],
  minify: true,
  sourcemap: false,
  clean: true,
  dts: false,
  esbuildPlugins: [zodEnglishOnly, packAsJsonString],
  esbuildOptions(options) {
    // The bin runs the bundle through vm.Script, which has no loader for import(): lazy imports
    // (formatters, commands, node:worker_threads) become require() calls.
    options.supported = { ...options.supported, 'dynamic-import': false };
    options.alias = {
      '@laatuvahti/core/node': `${coreSrc}node.ts`,
      '@laatuvahti/core': `${coreSrc}index.ts`,
      // As in core's own build: json-rules-engine's dependencies that core replaces.
      ...engineStandIns,
    };
  },
  onSuccess: 'node scripts/write-code-cache.cjs',
});
