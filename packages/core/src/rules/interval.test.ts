import { describe, expect, it } from 'vitest';
import { addInterval, isLongerThan, parseInterval } from './interval.js';

describe('intervals', () => {
  it('parses "<n> <unit>" and "<unit>", singular or plural', () => {
    expect(parseInterval('week')).toEqual({ count: 1, unit: 'week' });
    expect(parseInterval('2 weeks')).toEqual({ count: 2, unit: 'week' });
    expect(parseInterval('6 months')).toEqual({ count: 6, unit: 'month' });
    expect(parseInterval('1 year')).toEqual({ count: 1, unit: 'year' });
    for (const bad of ['', 'sometimes', 'tarvittaessa', '0 weeks', '2weeks', 'weekly', 3, null]) expect(parseInterval(bad)).toBeUndefined();
  });

  it('compares intervals of different units', () => {
    expect(isLongerThan('2 weeks', 'month')).toBe(false);
    expect(isLongerThan('5 weeks', 'month')).toBe(true);
    expect(isLongerThan('12 months', 'year')).toBe(false);
    expect(isLongerThan('13 months', 'year')).toBe(true);
    expect(isLongerThan('month', 'month')).toBe(false);
    expect(isLongerThan('31 days', 'month')).toBe(true);
    expect(isLongerThan('sometimes', 'month')).toBe(false);
    expect(isLongerThan('week', 'often')).toBe(false);
  });

  it('adds calendar months, clamping to the month end', () => {
    expect(addInterval('2026-01-31', { count: 1, unit: 'month' })).toBe('2026-02-28');
    expect(addInterval('2024-01-31', { count: 1, unit: 'month' })).toBe('2024-02-29');
    expect(addInterval('2026-09-05', { count: 4, unit: 'month' })).toBe('2027-01-05');
    expect(addInterval('2026-12-30', { count: 2, unit: 'week' })).toBe('2027-01-13');
    expect(addInterval('2024-02-29', { count: 1, unit: 'year' })).toBe('2025-02-28');
  });

  it('measures the age of a date span against an interval', () => {
    expect(isLongerThan({ from: '2026-03-01', to: '2027-03-01' }, 'year')).toBe(false);
    expect(isLongerThan({ from: '2026-03-01', to: '2027-03-02' }, 'year')).toBe(true);
    expect(isLongerThan({ from: '2026-05-10', to: '2026-09-10' }, '4 months')).toBe(false);
    expect(isLongerThan({ from: '2026-05-10', to: '2026-09-11' }, '4 months')).toBe(true);
    expect(isLongerThan({ from: '2026-02-30', to: '2026-09-11' }, '4 months')).toBe(false);
  });
});
