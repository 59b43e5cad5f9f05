import { describe, expect, it } from 'vitest';
import { formatJunit, xmlAttr, xmlText } from './format-junit.js';
import { makeInput, note, results } from '../testing/report-fixture.js';
import { parseXml } from '../testing/parse-xml.js';

describe('formatJunit', () => {
  it('is well-formed: one suite per checked plan, a failure per finding, a skipped case per suppression', () => {
    const root = parseXml(formatJunit(makeInput()));
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ tests: '5', failures: '3', skipped: '1', errors: '0' });
    expect(root.children.map((s) => [s.name, s.attributes.name, s.attributes.tests, s.attributes.failures, s.attributes.skipped])).toEqual([
      ['testsuite', 'plans/a.yaml', '4', '3', '1'],
      ['testsuite', 'plans/b,c:d.yaml', '1', '0', '0'],
    ]);
    const [a, b] = root.children as [NonNullable<(typeof root.children)[0]>, NonNullable<(typeof root.children)[0]>];
    expect(a.children.map((c) => `${c.attributes.name} ${c.children[0]!.name} ${c.children[0]!.attributes.type ?? ''}`)).toEqual([
      'schema-unknown-key 5:3 failure warning',
      'social-activity-regular 8:14 failure error',
      'plan-note 1:1 failure info',
      'social-activity-regular 12:14 skipped ',
    ]);
    expect(a.children[3]!.children[0]!.attributes.message).toBe('Suppressed: Summer break agreed with residents (until 2026-08-31)');
    expect(b.children).toEqual([{ name: 'testcase', attributes: { classname: 'plans/b,c:d.yaml', name: 'laatuvahti', file: 'plans/b,c:d.yaml' }, children: [], text: '' }]);
  });

  it('keeps markup characters, quotes and line breaks of messages intact through escaping', () => {
    const failure = parseXml(formatJunit(makeInput())).children[0]!.children[2]!.children[0]!;
    expect(failure.attributes.message).toBe(note.message);
    expect(failure.text).toContain('Tip: 100% of <activities> & "groups", ok\r\nnext line (plan-note)');
  });

  it('drops characters XML 1.0 cannot carry', () => {
    const bad = { ...note, message: 'a\u0000b\u001bc\uFFFEd\uD800e' };
    const input = makeInput({ results: [{ ...results[0]!, diagnostics: [bad], suppressed: [] }] });
    const failure = parseXml(formatJunit(input)).children[0]!.children[0]!.children[0]!;
    expect(failure.attributes.message).toBe('abcde');
  });

  it('escapes text and attributes', () => {
    expect(xmlText('<a> & b')).toBe('&lt;a&gt; &amp; b');
    expect(xmlAttr('"x"\n\'y\'')).toBe('&quot;x&quot;&#10;&apos;y&apos;');
  });
});
