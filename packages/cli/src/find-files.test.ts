import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFiles } from './find-files.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'laatuvahti-find-'));
  for (const f of ['a.yaml', 'b.yml', 'laatuvahti.config.yaml', 'notes.txt', 'sub/c.yaml', 'sub/deep/d.YAML', 'node_modules/x/e.yaml', '.git/f.yaml', 'other/g.yaml']) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), 'x: 1\n');
  }
  symlinkSync(join(dir, 'sub'), join(dir, 'other', 'loop'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rel = (files: string[]) => files.map((f) => f.slice(dir.length + 1));

describe('findFiles', () => {
  it('walks folders for YAML, skipping dependency and VCS folders and links to folders', () => {
    const r = findFiles(['.'], dir);
    expect(r.problems).toEqual([]);
    expect(rel(r.files)).toEqual(['a.yaml', 'b.yml', 'other/g.yaml', 'sub/c.yaml', 'sub/deep/d.YAML']);
  });

  it('walks a linked folder named on the command line', () => {
    expect(rel(findFiles(['other/loop'], dir).files)).toEqual(['other/loop/c.yaml', 'other/loop/deep/d.YAML']);
  });

  it('takes a named file as it is, whatever its extension, once', () => {
    expect(rel(findFiles(['notes.txt', 'a.yaml', './a.yaml'], dir).files)).toEqual(['a.yaml', 'notes.txt']);
  });

  it('expands globs relative to the working folder', () => {
    expect(rel(findFiles(['sub/**/*.{yaml,YAML}'], dir).files)).toEqual(['sub/c.yaml', 'sub/deep/d.YAML']);
    expect(rel(findFiles(['*.yml'], dir).files)).toEqual(['b.yml']);
    expect(rel(findFiles([`${dir}/sub/*.yaml`], dir).files)).toEqual(['sub/c.yaml']);
  });

  it('reports missing paths and globs that match nothing', () => {
    expect(findFiles(['missing.yaml', 'sub/*.json', 'a.yaml'], dir).problems).toEqual(['No such file or folder: missing.yaml', 'No file matches "sub/*.json".']);
  });

  it('says in words why a path cannot be read', () => {
    const links = join(dir, 'links');
    mkdirSync(links);
    symlinkSync('cycle-b.yaml', join(links, 'cycle-a.yaml'));
    symlinkSync('cycle-a.yaml', join(links, 'cycle-b.yaml'));
    expect(findFiles(['links/cycle-a.yaml'], dir).problems).toEqual(['Cannot read links/cycle-a.yaml: too many symbolic links encountered (ELOOP)']);
    // Walking the folder leaves the looping links out (they lead to no file) without a problem.
    expect(findFiles(['links'], dir)).toEqual({ files: [], named: new Set(), problems: [], notices: [] });
  });

  it('tells the files named on the command line from those found in folders and by globs', () => {
    const r = findFiles(['a.yaml', 'sub', 'b.*'], dir);
    expect(rel(r.files)).toEqual(['a.yaml', 'b.yml', 'sub/c.yaml', 'sub/deep/d.YAML']);
    expect(rel([...r.named])).toEqual(['a.yaml']);
  });

  it('refuses a named FIFO and skips one met in a folder with a notice', () => {
    const fifos = join(dir, 'fifos');
    mkdirSync(fifos);
    execFileSync('mkfifo', [join(fifos, 'pipe.yaml')]);
    execFileSync('mkfifo', [join(fifos, 'pipe.txt')]);
    writeFileSync(join(fifos, 'plan.yaml'), 'x: 1\n');
    expect(findFiles(['fifos/pipe.yaml'], dir)).toEqual({
      files: [],
      named: new Set(),
      problems: ['Cannot check fifos/pipe.yaml: not a regular file but a FIFO (named pipe); only plan files and folders can be checked.'],
      notices: [],
    });
    // Only what the walk would have taken is mentioned: pipe.txt is no YAML file.
    const walked = findFiles(['fifos'], dir);
    expect(rel(walked.files)).toEqual(['fifos/plan.yaml']);
    expect(walked.notices).toEqual(['Skipped fifos/pipe.yaml: not a regular file but a FIFO (named pipe); only plan files and folders can be checked.']);
  });
});

describe('findFiles with ignores', () => {
  let tree: string;
  beforeAll(() => {
    tree = mkdtempSync(join(tmpdir(), 'laatuvahti-ignore-'));
    const files: Record<string, string> = {
      '.gitignore': 'dist/\n*.local.yaml\n',
      'a.yaml': '',
      'a.local.yaml': '',
      'dist/broken.yaml': '',
      'g/a/x.yaml': '',
      'g/b/y.yaml': '',
      'g/b/z.yaml': '',
      'sub/.gitignore': 'drafts/*\n!drafts/keep.yaml\n',
      'sub/drafts/old.yaml': '',
      'sub/drafts/keep.yaml': '',
      'sub/p.yaml': '',
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(tree, name, '..'), { recursive: true });
      writeFileSync(join(tree, name), text);
    }
    mkdirSync(join(tree, '.git'));
  });
  afterAll(() => rmSync(tree, { recursive: true, force: true }));
  const relTo = (files: string[]) => files.map((f) => f.slice(tree.length + 1));

  it('respects .gitignore files, nested ones applying to their own folder, and not without the option', () => {
    const r = findFiles(['.'], tree, { gitignore: true });
    expect(relTo(r.files)).toEqual(['a.yaml', 'g/a/x.yaml', 'g/b/y.yaml', 'g/b/z.yaml', 'sub/drafts/keep.yaml', 'sub/p.yaml']);
    expect(r.ignoredCount).toBe(3);
    // From inside a sub-folder, the repository root's .gitignore still applies.
    expect(relTo(findFiles(['.'], join(tree, 'sub'), { gitignore: true }).files.map((f) => f))).toEqual(['sub/drafts/keep.yaml', 'sub/p.yaml']);
    expect(findFiles(['.'], tree).files).toHaveLength(9);
  });

  it('leaves out --ignore-pattern matches, relative to the working folder, a later negation bringing one back', () => {
    const r = findFiles(['g'], tree, { patterns: ['g/b/**', '!g/b/z.yaml'] });
    expect(relTo(r.files)).toEqual(['g/a/x.yaml', 'g/b/z.yaml']);
  });

  it('asks the configs about every folder and file, and walks no ignored folder', () => {
    const asked: string[] = [];
    const byConfig = (path: string, isDirectory: boolean) => {
      asked.push(`${path.slice(tree.length + 1)}${isDirectory ? '/' : ''}`);
      return path.endsWith(`${join('g', 'a')}`) ? true : undefined;
    };
    const r = findFiles(['g'], tree, { byConfig });
    expect(relTo(r.files)).toEqual(['g/b/y.yaml', 'g/b/z.yaml']);
    expect(asked).not.toContain('g/a/x.yaml');
  });

  it('does not check a named file that is ignored, and reports it', () => {
    const r = findFiles(['dist/broken.yaml', 'a.yaml'], tree, { gitignore: true });
    expect(relTo(r.files)).toEqual(['a.yaml']);
    expect(relTo(r.ignored ?? [])).toEqual(['dist/broken.yaml']);
    expect(findFiles(['dist/*.yaml'], tree, { gitignore: true }).problems).toEqual(['All files matching "dist/*.yaml" are ignored.']);
  });

  it('takes a path starting with ! as an exclusion, from the working folder when nothing else is given', () => {
    expect(relTo(findFiles(['g/**/*.yaml', '!g/b/**'], tree).files)).toEqual(['g/a/x.yaml']);
    expect(relTo(findFiles(['!g/**', '!sub/**'], tree).files)).toEqual(['a.local.yaml', 'a.yaml', 'dist/broken.yaml']);
  });
});
