import { describe, expect, it } from 'vitest';
import { dateSpan, isIsoDate } from './primitives.js';

describe('ISO dates', () => {
  it('accepts dates that exist, leap days included', () => {
    for (const d of ['2026-09-15', '2024-02-29', '2000-02-29', '1999-12-31', '2026-01-01']) expect(isIsoDate(d)).toBe(true);
  });
  it('rejects impossible and malformed dates', () => {
    for (const d of ['2026-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-01-00', '2026-1-01', '26-01-01', '2026-01-01T00:00', '']) expect(isIsoDate(d)).toBe(false);
  });
});

describe('document dates as spans', () => {
  it('reads a day, a month and a year (string or YAML number) as the days they can mean', () => {
    expect(dateSpan('2014-05-20')).toEqual({ first: '2014-05-20', last: '2014-05-20' });
    expect(dateSpan('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(dateSpan('2023-02')).toEqual({ first: '2023-02-01', last: '2023-02-28' });
    expect(dateSpan('2014-11')).toEqual({ first: '2014-11-01', last: '2014-11-30' });
    expect(dateSpan('2014')).toEqual({ first: '2014-01-01', last: '2014-12-31' });
    expect(dateSpan(2014)).toEqual({ first: '2014-01-01', last: '2014-12-31' });
  });
  it('has no span for anything else', () => {
    for (const v of ['2014-13', '2014-00', '2014-5', '14', '2014-02-30', 'vuonna 2014', 2014.5, 20140, null, undefined, true]) expect(dateSpan(v)).toBeUndefined();
  });
});
