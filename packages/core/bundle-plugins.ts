/**
 * Build helpers shared by the tsup configs: esbuild plugins and aliases for core's own builds and
 * for the bundles that carry core inside them (the CLI's and the language server's).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { engineStandIns } from './engine-stand-ins.js';

/**
 * An esbuild `alias` for bundles that carry yaml inside them. yaml's Node build reads
 * `process.env.LOG_TOKENS` for every token it parses, a debugging hook: each read is a call into
 * the process environment, about a tenth of a plan's parse time in all. Its platform-neutral
 * ESM build, published for bundlers, is the same parser without those hooks (and tree-shakes).
 */
export const yamlWithoutDebugHooks: Record<string, string> = {
  yaml: resolve(dirname(createRequire(import.meta.url).resolve('yaml/package.json')), 'browser', 'index.js'),
};

/**
 * The esbuild `alias` of every bundle that carries core's dependencies (core's own builds, the
 * CLI, the language server): json-rules-engine's replaced dependencies (engine-stand-ins.ts) and
 * yaml's build without debug hooks.
 */
export const coreDependencyAliases: Record<string, string> = { ...engineStandIns, ...yamlWithoutDebugHooks };

/**
 * zod bundles error messages for about fifty languages and always imports them all through one
 * namespace. Core never switches zod's locale (it writes its own fi/sv/en messages), so only
 * the English one zod installs by default is kept: a bundle shrinks by about 250 kB.
 */
export const zodEnglishOnly: Plugin = {
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
 * The generated rule pack (rules, READMEs, reference data: about 500 kB) as a string handed to
 * JSON.parse instead of a JavaScript object literal: V8 parses JSON several times faster than
 * the same data as code.
 */
export const packAsJsonString: Plugin = {
  name: 'pack-as-json-string',
  setup(build) {
    build.onLoad({ filter: /[\\/]generated[\\/]pack\.json$/ }, async (args) => ({
      contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(await readFile(args.path, 'utf8'))))});`,
      loader: 'js',
    }));
  },
};

/**
 * Code that few runs need goes into files of its own beside a bundle (entries: `BESIDE_ENTRIES`),
 * required only when needed:
 * - mammoth (.docx for import), with the JSZip the importer reads headers and footers with.
 *   Inside cli.cjs it made the bundle 350 kB larger (957 against
 *   607 kB) and its code cache 76 kB, read by every command's start-up; requiring it costs
 *   160-270 ms on this machine.
 * - the pattern-safety analysers (src/rules/regex-safety.ts: refa, scslre, regexp-ast-analysis,
 *   regexpp), needed only for rule files read from disk. Inside cli.cjs they were 1.1 MB of its
 *   1.74 MB, and a one-plan run took 416-461 against 348-399 ms without them (three runs each).
 */
export const BESIDE_ENTRIES: Record<string, string> = {
  mammoth: fileURLToPath(new URL('./vendor/mammoth.cjs', import.meta.url)),
  'regex-analysers': fileURLToPath(new URL('./vendor/regex-analysers.cjs', import.meta.url)),
};

const ANALYSER_PACKAGES = /^(?:@eslint-community\/regexpp|scslre|regexp-ast-analysis)$/;

export const besideBundle: Plugin = {
  name: 'beside-bundle',
  setup(build) {
    build.onResolve({ filter: /^mammoth$/ }, (args) => (args.importer.endsWith(join('vendor', 'mammoth.cjs')) ? undefined : { path: './mammoth.cjs', external: true }));
    // The .docx reader's JSZip is the one inside mammoth.cjs (inlined, it added 129 kB to cli.cjs:
    // 758 against 629 kB); mammoth's own require of it stays inside that file.
    build.onResolve({ filter: /^jszip$/ }, (args) => (/[\\/]import[\\/]read-docx\.ts$/.test(args.importer) ? { path: './mammoth.cjs', external: true } : undefined));
    // Only regex-safety's own requires: the analysers' requires of each other stay inside the file.
    build.onResolve({ filter: ANALYSER_PACKAGES }, (args) => (/[\\/]rules[\\/]regex-safety\.ts$/.test(args.importer) ? { path: './regex-analysers.cjs', external: true } : undefined));
  },
};
