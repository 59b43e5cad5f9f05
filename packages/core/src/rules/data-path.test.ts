import { describe, expect, it } from 'vitest';
import { expandPath, formatPath, getAt, isValidPath, parsePath, toDataPath, WILDCARD } from './data-path.js';

const doc = { services: [{ producer: { kind: 'ngo' } }, { producer: {} }, { name: 'x' }], total: 3 };

describe('rule paths', () => {
  it('parses keys, indices and wildcards', () => {
    expect(parsePath('a.b[0].c[*]')).toEqual(['a', 'b', 0, 'c', WILDCARD]);
    expect(parsePath('')).toEqual([]);
    expect(toDataPath('services[1].producer')).toEqual(['services', 1, 'producer']);
    expect(formatPath(['services', 1, 'producer'])).toBe('services[1].producer');
  });

  it('validates path syntax', () => {
    expect(isValidPath('a.b[0].c[*]')).toBe(true);
    expect(isValidPath('a..b')).toBe(false);
    expect(isValidPath('a[x]')).toBe(false);
    expect(isValidPath('$.a')).toBe(true);
  });

  it('reads values, undefined when a step is missing, lists through wildcards', () => {
    expect(getAt(doc, 'services[0].producer.kind')).toBe('ngo');
    expect(getAt(doc, 'services[5].producer.kind')).toBeUndefined();
    expect(getAt(doc, 'total.x')).toBeUndefined();
    expect(getAt(doc, 'services[*].producer.kind')).toEqual(['ngo']);
    expect(getAt({ services: [] }, 'services[*].producer')).toEqual([]);
  });

  it('expands wildcards into the concrete paths that exist', () => {
    expect(expandPath(doc, 'services[*].producer').map((m) => m.path)).toEqual([
      ['services', 0, 'producer'],
      ['services', 1, 'producer'],
    ]);
    expect(expandPath(doc, 'nothing[*]')).toEqual([]);
  });
});
