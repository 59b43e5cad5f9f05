import { describe, expect, it } from 'vitest';
import { cursorContext, keysAt } from './cursor-context.js';

/** Text with a `|` marking the cursor. */
function at(marked: string) {
  const offset = marked.indexOf('|');
  return cursorContext(marked.slice(0, offset) + marked.slice(offset + 1), offset);
}

describe('cursorContext', () => {
  it('finds the mapping of a key being typed from indentation', () => {
    expect(at('unit:\n  name: x\n  ho|')).toEqual({ type: 'key', parentPath: ['unit'], word: 'ho', wordStart: 18 });
    expect(at('unit:\n  name: x\n|')).toMatchObject({ type: 'key', parentPath: [] });
    expect(at('a:\n  b:\n    c: 1\n  |')).toMatchObject({ type: 'key', parentPath: ['a'] });
  });

  it('counts list items, with and without indentation', () => {
    const text = 'socialActivity:\n  activities:\n    - name: A\n      every: week\n    - name: B\n      |';
    expect(at(text)).toMatchObject({ type: 'key', parentPath: ['socialActivity', 'activities', 1] });
    expect(at('feedback:\n- from: clients\n- from: staff\n  |')).toMatchObject({ type: 'key', parentPath: ['feedback', 1] });
    expect(at('feedback:\n  - from: clients\n  - |')).toMatchObject({ type: 'value', path: ['feedback', 1], inList: true, word: '' });
  });

  it('completes values after a key and inside a flow list', () => {
    expect(at('unit:\n  housingType: com|')).toMatchObject({ type: 'value', path: ['unit', 'housingType'], word: 'com', inList: false });
    expect(at('a:\n  promotes: [health, we|')).toMatchObject({ type: 'value', path: ['a', 'promotes'], word: 'we', inList: true });
  });

  it('skips block scalars, comments and free text', () => {
    expect(at('coordination: >-\n  some text\n  mo|')).toBeUndefined();
    expect(at('coordination: >-\n  some text\nun|')).toMatchObject({ type: 'key', parentPath: [], word: 'un' });
    expect(at('# a comment |')).toBeUndefined();
    expect(at('content: some free text |')).toBeUndefined();
  });
});

describe('keysAt', () => {
  const text = 'unit:\n  name: x\n  ho\n  tenure: lease\nsocialActivity:\n  activities:\n    - name: A\n      every: week\n    - name: B\n      location: in-unit\ncoordination: >-\n  name: not a key\n';
  it('lists the keys of a mapping, before and after the cursor, except the typed line', () => {
    expect([...keysAt(text, ['unit'], text.indexOf('  ho'))]).toEqual(['name', 'tenure']);
    expect([...keysAt(text, [], -1)]).toEqual(['unit', 'socialActivity', 'coordination']);
    expect([...keysAt(text, ['socialActivity', 'activities', 1], -1)]).toEqual(['name', 'location']);
    expect([...keysAt(text, ['socialActivity', 'activities', 2], -1)]).toEqual([]);
  });
});
