import { describe, expect, it } from 'vitest';
import cloneCondition from './condition-clone.js';

class Node {
  constructor(public fact: string, public all?: Node[]) {}
  isLeaf(): boolean {
    return !this.all;
  }
}

describe('condition copies', () => {
  it('deep-copies trees, keeping prototypes', () => {
    const tree = new Node('x', [new Node('a'), new Node('b')]);
    const c = cloneCondition(tree);
    expect(c).not.toBe(tree);
    expect(c.all![0]).not.toBe(tree.all![0]);
    expect(c).toEqual(tree);
    expect(c.isLeaf()).toBe(false);
    expect(c.all![1]!.isLeaf()).toBe(true);
    c.all![0]!.fact = 'changed';
    expect(tree.all![0]!.fact).toBe('a');
  });

  it('copies values of every kind and survives circular references', () => {
    const shared = { v: [1, 2] };
    const data: Record<string, unknown> = { n: 1, s: 's', b: true, u: undefined, nil: null, d: new Date(5), r: /x/g, a: shared, b2: shared };
    data.self = data;
    const c = cloneCondition(data);
    expect(c.d).toEqual(new Date(5));
    expect((c.r as RegExp).flags).toBe('g');
    expect(c.a).toEqual(c.b2);
    expect(c.a).not.toBe(shared);
    expect(c.self).toBe(c);
    expect(cloneCondition(3)).toBe(3);
    expect(cloneCondition('x')).toBe('x');
  });
});
