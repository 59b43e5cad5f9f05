import { describe, expect, it } from 'vitest';
import { draftPathFor, isImportSource } from './import-target.js';

describe('import target', () => {
  it('imports Word, Markdown and text files only', () => {
    expect(['a.docx', 'b.MD', 'c.markdown', '/x/d.txt'].map(isImportSource)).toEqual([true, true, true, true]);
    expect(['a.doc', 'b.pdf', 'c.yaml', 'kansio.md/tiedosto', 'docx'].map(isImportSource)).toEqual([false, false, false, false, false]);
  });

  it('writes the draft next to its source', () => {
    expect(draftPathFor('/home/u/Kotikallio 2026.docx')).toBe('/home/u/Kotikallio 2026.yaml');
    expect(draftPathFor('C:\\suunnitelmat\\palvelukuvaus.md')).toBe('C:\\suunnitelmat\\palvelukuvaus.yaml');
    expect(draftPathFor('/a.b/suunnitelma')).toBe('/a.b/suunnitelma.yaml');
  });
});
