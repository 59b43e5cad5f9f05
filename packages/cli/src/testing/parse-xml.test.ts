import { describe, expect, it } from 'vitest';
import { parseXml } from './parse-xml.js';

describe('parseXml (test support)', () => {
  it('parses elements, attributes and entities', () => {
    const root = parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<a x="1 &amp; 2&#10;">t &lt;b&gt;<b/><c y="&quot;"></c></a>\n');
    expect(root).toMatchObject({ name: 'a', attributes: { x: '1 & 2\n' }, text: 't <b>', children: [{ name: 'b' }, { name: 'c', attributes: { y: '"' } }] });
  });

  it.each([
    ['<a><b></a></b>', 'does not close'],
    ['<a>', 'never closed'],
    ['<a x="1" x="2"/>', 'duplicate'],
    ['<a>x & y</a>', 'bare &'],
    ['<a x="<"/>', 'malformed'],
    ['<a/><b/>', 'second root'],
    ['<a>\u0001</a>', 'not allowed'],
    ['<a x=1/>', 'malformed'],
  ])('rejects %j', (xml, problem) => {
    expect(() => parseXml(xml)).toThrow(problem);
  });
});
