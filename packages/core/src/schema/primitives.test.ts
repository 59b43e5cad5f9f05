import { describe, expect, it } from 'vitest';
import { isIsoDate } from './primitives.js';

describe('ISO dates', () => {
  it('accepts dates that exist, leap days included', () => {
    for (const d of ['2026-09-15', '2024-02-29', '2000-02-29', '1999-12-31', '2026-01-01']) expect(isIsoDate(d)).toBe(true);
  });
  it('rejects impossible and malformed dates', () => {
    for (const d of ['2026-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-01-00', '2026-1-01', '26-01-01', '2026-01-01T00:00', '']) expect(isIsoDate(d)).toBe(false);
  });
});
