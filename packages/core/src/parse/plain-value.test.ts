import { describe, expect, it } from 'vitest';
import { parseText } from './parse-text.js';
import { plainValue } from './plain-value.js';
import { repositoryYamlTexts } from './test-corpus.js';
import { generatePlan } from '../../../../bench/generate-plan.mjs';

/** Own keys (inherited-looking ones included) and values, the way a deep comparison should see them. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value !== null && typeof value === 'object') {
    return { proto: Object.getPrototypeOf(value) === Object.prototype, own: Object.getOwnPropertyNames(value).map((k) => [k, shape((value as Record<string, unknown>)[k])]) };
  }
  return value;
}

function expectSameAsToJS(text: string): void {
  const { doc } = parseText(text);
  let expected: unknown;
  try {
    expected = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    expect(() => plainValue(doc, 100)).toThrow((e as Error).message);
    return;
  }
  expect(shape(plainValue(doc, 100))).toEqual(shape(expected));
}

describe('plainValue: the document as toJS gives it', () => {
  it('for every fixture, rule case and example plan in the repository', () => {
    const texts = repositoryYamlTexts();
    expect(texts.length).toBeGreaterThan(100);
    for (const text of texts) expectSameAsToJS(text);
    for (const lines of [100, 1000]) expectSameAsToJS(generatePlan(lines));
  });

  it('for keys that name inherited properties, null keys and values, and every scalar type', () => {
    const text = '__proto__: {polluted: true}\ntoString: 1\nconstructor: [a]\n? \n: empty key\nnothing:\nn: 0x1F\nf: .inf\nb: yes\nt: true\nq: "12"\ntagged: !!str 123\nblock: |\n  line\n';
    expectSameAsToJS(text);
    const value = plainValue(parseText(text).doc, 100) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(value)).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(value).toMatchObject({ n: 31, f: Infinity, b: 'yes', t: true, q: '12', tagged: '123', nothing: null, '': 'empty key', block: 'line\n' });
  });

  it('for flow collections, pairs inside flow sequences, nested lists and empty documents', () => {
    for (const text of ['a: [1, {b: 2}, [c, d]]\ne: {}\nf: []\n', 's: [k: v, x]\n', '- - - deep\n', '', '# only a comment\n', '---\n', 'just text\n']) expectSameAsToJS(text);
  });

  it('leaves collection keys, aliases and custom tags to toJS, limits included', () => {
    for (const text of ['? [a, b]\n: 1\n', '? {k: v}\n: 1\n', 'a: &x {b: 1}\nc: *x\n', 'a: !custom {b: 1}\nc: !!set {x}\n']) expectSameAsToJS(text);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n');
    expect(() => plainValue(parseText(bomb).doc, 100)).toThrow(/alias/i);
  });
});
