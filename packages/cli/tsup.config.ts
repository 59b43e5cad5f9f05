/**
 * Build: one CommonJS file, dist/cli.cjs, with @laatuvahti/core, yaml, zod, json-rules-engine,
 * picomatch, ignore and diff inside, so start-up reads and compiles a single file. Core is bundled from its
 * sources (same code as its dist), which keeps the CLI in step with the rule pack generated
 * into core's src/generated/ without rebuilding core's own outputs. After the bundle is
 * written, scripts/write-code-cache.cjs saves V8's compiled code for it next to it.
 */
import { defineConfig } from 'tsup';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { coreDependencyAliases, BESIDE_ENTRIES, besideBundle, zodEnglishOnly } from '../core/bundle-plugins.js';

const coreSrc = fileURLToPath(new URL('../core/src/', import.meta.url));

/**
 * The generated rule pack (rules, READMEs, reference data: about 500 kB) is not compiled into
 * the bundle: as a string constant it would be read, kept in the code cache as UTF-16 and
 * deserialised on every start (about half of both files). The build writes it next to the
 * bundle instead, split in two: dist/rule-pack.json (definitions and reference data, read at
 * start) and dist/rule-docs.json (READMEs, read only when a README is asked for: `explain`,
 * SARIF). packages/cli/src/bundled-pack-files.ts reads them.
 */
const packFromFiles: Plugin = {
  name: 'pack-from-files',
  setup(build) {
    let generated: string | undefined;
    build.onLoad({ filter: /[\\/]generated[\\/]pack\.json$/ }, (args) => {
      generated = args.path;
      return { contents: `export { default } from ${JSON.stringify(fileURLToPath(new URL('./src/bundled-pack-files.ts', import.meta.url)))};`, loader: 'ts', resolveDir: dirname(args.path) };
    });
    build.onEnd(async (result) => {
      if (result.errors.length > 0 || !generated) return;
      const pack = JSON.parse(await readFile(generated, 'utf8')) as { rules: { definition: { id: string }; readme?: string }[]; references: unknown[] };
      const docs: Record<string, string> = {};
      for (const r of pack.rules) if (r.readme !== undefined) docs[r.definition.id] = r.readme;
      const outDir = build.initialOptions.outdir ?? 'dist';
      await mkdir(outDir, { recursive: true });
      await writeFile(join(outDir, 'rule-pack.json'), JSON.stringify({ rules: pack.rules.map((r) => ({ definition: r.definition })), references: pack.references }));
      await writeFile(join(outDir, 'rule-docs.json'), JSON.stringify(docs));
    });
  },
};

export default defineConfig({
  entry: { cli: 'src/main.ts', ...BESIDE_ENTRIES },
  format: ['cjs'],
  outExtension: () => ({ js: '.cjs' }),
  platform: 'node',
  target: 'node20',
  bundle: true,
  splitting: false,
  // Everything but Node's built-ins is inside: the published package has no dependencies
  // (test/pack-install.test.ts runs it from a project that has nothing else installed).
  noExternal: [/.*/],
  minify: true,
  sourcemap: false,
  clean: true,
  dts: false,
  esbuildPlugins: [zodEnglishOnly, packFromFiles, besideBundle],
  esbuildOptions(options) {
    // The bin runs the bundle through vm.Script, which has no loader for import(): lazy imports
    // (formatters, commands, node:worker_threads) become require() calls.
    options.supported = { ...options.supported, 'dynamic-import': false };
    options.alias = {
      '@laatuvahti/core/internal/node': `${coreSrc}node.ts`,
      '@laatuvahti/core/internal': `${coreSrc}internal.ts`,
      // As in core's own build (bundle-plugins.ts).
      ...coreDependencyAliases,
    };
  },
  onSuccess: 'node scripts/write-code-cache.cjs',
});
