/**
 * The packages as an integrator gets them: `npm pack` of core, the CLI and the language server,
 * installed from the tarballs into an empty project (from npm's cache when it has the
 * dependencies, else the registry), then the README's ESM, CommonJS and TypeScript examples run
 * there, the TypeScript one compiled by the repo's own `tsc` in strict mode under each module
 * resolution (node16, bundler, node10), without skipLibCheck so the published declarations are
 * checked too. Uses the builds that `npm ci` made (prepare), building a missing one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');
const TSC = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const PACKAGES = ['core', 'cli', 'lsp'] as const;

let work: string;
let project: string;
const packed = new Map<string, { filename: string; files: string[] }>();

/** The fenced ```js / ```ts blocks of a README whose first line is `// ESM`, `// CommonJS` or `// TypeScript`. */
function examples(readme: string): Record<'ESM' | 'CommonJS' | 'TypeScript', string[]> {
  const out = { ESM: [] as string[], CommonJS: [] as string[], TypeScript: [] as string[] };
  for (const m of readFileSync(join(root, readme), 'utf8').matchAll(/```(?:js|ts)\n(\/\/ (ESM|CommonJS|TypeScript)\n[\s\S]*?)```/g)) {
    out[m[2] as keyof typeof out].push(m[1]!);
  }
  return out;
}

function sh(command: string, args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false', NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  for (const [pkg, file] of [['core', 'dist/index.js'], ['cli', 'dist/cli.cjs'], ['lsp', 'dist/server.cjs']] as const) {
    if (!existsSync(join(root, 'packages', pkg, file))) execFileSync('npm', ['run', 'build', '-w', `@laatuvahti/${pkg}`], { cwd: root, stdio: 'pipe' });
  }
  work = mkdtempSync(join(tmpdir(), 'laatuvahti-pack-'));
  // Scripts are not run: the packages are packed as built, as `npm publish` of a built tree would.
  const pack = sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work, ...PACKAGES.flatMap((p) => ['-w', `@laatuvahti/${p}`])], root);
  expect(pack.status, pack.stderr).toBe(0);
  for (const p of JSON.parse(pack.stdout) as { name: string; filename: string; files: { path: string }[] }[]) packed.set(p.name, { filename: p.filename, files: p.files.map((f) => f.path) });

  project = join(work, 'integrator');
  mkdirSync(join(project, 'plans'), { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'integrator', private: true, type: 'module' }));
  cpSync(join(root, 'fixtures', 'compliant', 'service-description.fi.yaml'), join(project, 'plans', 'kotikallio.yaml'));
  const tarballs = [...packed.values()].map((p) => join(work, p.filename));
  // From the cache when it holds core's dependencies (it does after `npm ci`), else the registry.
  const flags = ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock'];
  let install = sh('npm', [...flags, '--offline', ...tarballs], project);
  if (install.status !== 0) install = sh('npm', [...flags, '--prefer-offline', ...tarballs], project);
  expect(install.status, install.stderr).toBe(0);
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed packages', () => {
  it('ship README, LICENSE and code, no source maps, no sources', () => {
    for (const name of PACKAGES.map((p) => `@laatuvahti/${p}`)) {
      const files = packed.get(name)!.files;
      expect(files, name).toContain('README.md');
      expect(files, name).toContain('LICENSE');
      expect(files.filter((f) => f.endsWith('.map') || f.startsWith('src/')), name).toEqual([]);
    }
    expect(packed.get('@laatuvahti/core')!.files).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/node.d.ts', 'dist/schema/self-monitoring-plan.json']));
  });

  it('declare only what they load: the CLI and the server nothing, core no library it bundles', () => {
    const manifest = (p: string) => JSON.parse(readFileSync(join(project, 'node_modules', '@laatuvahti', p, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    expect(manifest('cli').dependencies ?? {}).toEqual({});
    expect(manifest('lsp').dependencies ?? {}).toEqual({});
    // yaml and json-rules-engine are inside core's bundle; zod stays shared with the importer.
    expect(Object.keys(manifest('core').dependencies ?? {})).toContain('zod');
    expect(Object.keys(manifest('core').dependencies ?? {})).not.toEqual(expect.arrayContaining(['yaml']));
    expect(Object.keys(manifest('core').dependencies ?? {})).not.toContain('json-rules-engine');
  });

  it('runs the README\'s ESM example (data in, findings out)', () => {
    const [esm, ...more] = examples('packages/core/README.md').ESM;
    expect(more).toEqual([]);
    writeFileSync(join(project, 'example-esm.mjs'), esm!);
    const r = sh(process.execPath, ['example-esm.mjs'], project);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('error premises-accessible at premises.accessible: Palvelukuvauksen mukaan tilat eivät ole esteettömät (premises.accessible: false).');
  });

  it('runs the README\'s CommonJS example (text in, ranges out)', () => {
    const [cjs] = examples('packages/core/README.md').CommonJS;
    writeFileSync(join(project, 'example-cjs.cjs'), cjs!);
    const r = sh(process.execPath, ['example-cjs.cjs'], project);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('5:15 error premises-accessible The service description says the premises are not accessible');
  });

  it('compiles the README\'s TypeScript example strictly under node16, bundler and node10 resolution, and runs it', async () => {
    const [ts] = examples('packages/core/README.md').TypeScript;
    writeFileSync(join(project, 'example.ts'), ts!);
    const common = { strict: true, noUncheckedIndexedAccess: true, target: 'ES2022', lib: ['ES2022'], types: ['node'], typeRoots: [join(root, 'node_modules', '@types')], ignoreDeprecations: '6.0' };
    const configs: Record<string, object> = {
      node16: { ...common, module: 'node16', moduleResolution: 'node16', outDir: 'out' },
      bundler: { ...common, module: 'preserve', moduleResolution: 'bundler', noEmit: true },
      node10: { ...common, module: 'commonjs', moduleResolution: 'node10', noEmit: true },
    };
    // The three compilations at once: each spends most of its time reading the same @types/node.
    const results = await Promise.all(
      Object.entries(configs).map(([name, compilerOptions]) => {
        writeFileSync(join(project, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions, files: ['example.ts'] }));
        return new Promise<[string, string]>((resolve) => {
          const tsc = spawn(process.execPath, [TSC, '-p', `tsconfig.${name}.json`], { cwd: project });
          let output = '';
          tsc.stdout.on('data', (c: Buffer) => (output += c.toString()));
          tsc.stderr.on('data', (c: Buffer) => (output += c.toString()));
          tsc.on('close', (code) => resolve([name, code === 0 ? output : `exit ${code}: ${output}`]));
        });
      }),
    );
    for (const [name, output] of results) expect(output, `tsc under ${name}`).toBe('');
    const r = sh(process.execPath, ['out/example.js'], project);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toEqual([
      '1 error(s): The service is provided in accessible premises (Act on the Supervision of Social Welfare and Health Care (741/2023) § 8(2)) at premises.accessible',
      '# premises-accessible',
      'plans/kotikallio.yaml: ServiceDescription, 0 finding(s), configs: 0',
      '',
    ]);
  });

  it('the public declarations import nothing but each other', () => {
    const dist = join(project, 'node_modules', '@laatuvahti', 'core', 'dist');
    const publicFiles = readdirSync(dist).filter((f) => /^(index|node)\.d\.c?ts$/.test(f));
    const seen = new Set<string>();
    const queue = [...publicFiles];
    while (queue.length) {
      const f = queue.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      const text = readFileSync(join(dist, f), 'utf8');
      for (const m of text.matchAll(/from ['"]([^'"]+)['"]/g)) {
        expect(m[1], `${f} imports ${m[1]}`).toMatch(/^\.\//);
        queue.push(m[1]!.slice(2).replace(/\.c?js$/, (e) => (e === '.cjs' ? '.d.cts' : '.d.ts')));
      }
      expect(text, f).not.toMatch(/json-rules-engine|\bEngine\b|from 'yaml'|\bzod\b|ZodType|RunQueue|RunMemo/);
    }
    expect(seen.size).toBeGreaterThanOrEqual(4);
  });

  it('the CLI checks a folder with nothing installed but itself', () => {
    writeFileSync(join(project, 'plans', 'unit.json'), '{\n  "apiVersion": "laatuvahti/v1",\n  "kind": "ServiceDescription",\n  "language": "en",\n  "premises": { "accessible": false }\n}\n');
    const r = sh(process.execPath, [join(project, 'node_modules', '.bin', 'laatuvahti'), 'check', 'plans', '--today', '2026-10-01', '--format', 'json'], project);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const files = (JSON.parse(r.stdout) as { files: { path: string; diagnostics: { ruleId: string }[] }[] }).files;
    expect(files.map((f) => f.path)).toEqual(['plans/kotikallio.yaml', 'plans/unit.json']);
    expect(files[1]!.diagnostics.map((d) => d.ruleId)).toContain('premises-accessible');
    rmSync(join(project, 'plans', 'unit.json'));
  });

  it('the language server answers initialize', async () => {
    const server = spawn(process.execPath, [join(project, 'node_modules', '.bin', 'laatuvahti-lsp'), '--stdio'], { cwd: project });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    let out = '';
    let err = '';
    server.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const answer = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer; stderr: ${err}`)), 20_000);
      server.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const at = out.indexOf('\r\n\r\n');
        const length = Number(/Content-Length: (\d+)/.exec(out)?.[1]);
        if (at >= 0 && Buffer.byteLength(out.slice(at + 4)) >= length) {
          clearTimeout(timer);
          resolve(out.slice(at + 4));
        }
      });
      server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
    server.kill();
    const reply = JSON.parse(answer) as { id: number; result: { capabilities: Record<string, unknown>; serverInfo?: { name: string } } };
    expect(reply.id).toBe(1);
    expect(reply.result.capabilities).toHaveProperty('hoverProvider');
  });
});
