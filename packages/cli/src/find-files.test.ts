import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    expect(findFiles(['links'], dir)).toEqual({ files: [], problems: [] });
  });
});
