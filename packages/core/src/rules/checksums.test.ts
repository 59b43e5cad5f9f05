/**
 * Unit tests of the identifier algorithms, with every test vector of shared/domain-sources.md
 * section 3 (henkilötunnus 3.1, Y-tunnus 3.2) plus the edge cases a rule relies on.
 */
import { describe, expect, it } from 'vitest';
import { CHECKSUMS, PERSONAL_ID_SCAN_RE, isValidBusinessId, isValidPersonalId, maskIdentifier, redactPersonalIds } from './checksums.js';

describe('isValidPersonalId (henkilötunnus, domain-sources 3.1)', () => {
  it.each([
    ['150385-9024', '1985-03-15, temporary number, female'],
    ['290224A903M', '2024-02-29, leap day with a 2000s sign'],
    ['071131Y9545', '1931-11-07, new 1900s sign Y'],
    ['131052-308T', 'DVV leaflet example'],
    // DVV's fictitious test persons (dimarchi.net list): every new century sign
    ['010594Y9032', 'sign Y'],
    ['020594X903P', 'sign X'],
    ['030594W903B', 'sign W'],
    ['050594U903M', 'sign U'],
    ['010516B903X', 'sign B'],
    ['020503F9037', 'sign F'],
    // computed here with the documented algorithm
    ['010185+903H', 'sign + (1800s)'],
    ['290200A902D', '2000-02-29: 2000 is a leap year'],
    ['010101-002S', 'individual number 002, the lowest issued'],
  ])('%s is valid (%s)', (code) => {
    expect(isValidPersonalId(code)).toBe(true);
  });

  it.each([
    ['150385-902X', 'check character should be 4'],
    ['300290-904A', '30 February does not exist'],
    ['150385G902N', 'G is not a century sign'],
    ['010100-0010', 'individual number 001 (and a wrong check character)'],
    ['010100-001F', 'individual number 001 with a matching check character'],
    ['010100-000E', 'individual number 000 with a matching check character'],
    ['290223A903M', '2023 is not a leap year'],
    ['290200-902D', '1900-02-29: 1900 is not a leap year, although the digits equal a valid code'],
    ['010190-999K', 'telp.fi example: the check character should be W'],
    ['150385-9024 ', 'trailing space: the strict form is exactly 11 characters'],
    ['150385-90244', '12 characters'],
    ['150385+902', '10 characters'],
    ['150385a9024', 'a lower-case century sign is not the strict form'],
    ['150385-902G', 'G is never a check character'],
    ['', 'empty'],
  ])('%s is invalid (%s)', (code) => {
    expect(isValidPersonalId(code)).toBe(false);
  });

  it('the century sign does not enter the check character, only the date', () => {
    for (const sign of ['-', 'U', 'V', 'W', 'X', 'Y']) expect(isValidPersonalId(`150385${sign}9024`)).toBe(true);
    for (const sign of ['A', 'B', 'C', 'D', 'E', 'F', '+']) expect(isValidPersonalId(`150385${sign}9024`)).toBe(true);
    for (const sign of ['G', 'T', 'Z', '*', ' ']) expect(isValidPersonalId(`150385${sign}9024`)).toBe(false);
  });
});

describe('isValidBusinessId (Y-tunnus, domain-sources 3.2)', () => {
  it.each(['1234567-1', '7654321-2', '1000000-4', '0667834-9', '3221356-1', '2189241-5', '0216462-3', '0203263-9', '3258415-1', '0116297-6'])(
    '%s is valid',
    (id) => {
      expect(isValidBusinessId(id)).toBe(true);
    },
  );

  it.each([
    ['1234567-2', 'check digit should be 1'],
    ['3141592-0', 'weighted sum mod 11 = 1: such a base is never issued'],
    ['3141592-1', 'remainder 1 fails with any check digit'],
    ['123456-7', 'only 6 digits'],
    ['0123456-7', 'the 6-digit form padded: check digit should be 2'],
    ['FI12345671', 'the EU VAT form is not a Y-tunnus'],
    ['12345671', 'no hyphen'],
    ['1234567-', 'no check digit'],
    ['', 'empty'],
  ])('%s is invalid (%s)', (id) => {
    expect(isValidBusinessId(id)).toBe(false);
  });

  it('remainder 1 has no valid check digit at all', () => {
    for (let d = 0; d <= 9; d++) expect(isValidBusinessId(`3141592-${d}`)).toBe(false);
  });

  it('0123456-2 is the valid padded form of the old 6-digit 123456', () => {
    expect(isValidBusinessId('0123456-2')).toBe(true);
  });
});

describe('CHECKSUMS', () => {
  it('names both algorithms for the failsChecksum / passesChecksum operators', () => {
    expect(CHECKSUMS['y-tunnus']!('1234567-1')).toBe(true);
    expect(CHECKSUMS['henkilotunnus']!('150385-9024')).toBe(true);
    expect(Object.keys(CHECKSUMS).sort()).toEqual(['henkilotunnus', 'y-tunnus']);
  });
});

describe('maskIdentifier', () => {
  it('keeps the date part and the century sign, stars the rest', () => {
    expect(maskIdentifier('150385-9024')).toBe('150385-****');
    expect(maskIdentifier('290224A903M')).toBe('290224A****');
  });

  it('keeps short values as they are and honours `keep`', () => {
    expect(maskIdentifier('abc')).toBe('abc');
    expect(maskIdentifier('1234567')).toBe('1234567');
    expect(maskIdentifier('150385-9024', 0)).toBe('***********');
    expect(maskIdentifier('150385-9024', 6)).toBe('150385*****');
  });
});

describe('redactPersonalIds', () => {
  it('masks codes with every century sign, upper or lower case, valid checksum or not', () => {
    const signs = ['+', '-', 'A', 'B', 'C', 'D', 'E', 'F', 'U', 'V', 'W', 'X', 'Y'];
    for (const s of [...signs, ...signs.map((x) => x.toLowerCase())]) {
      expect(redactPersonalIds(`Asukas 150385${s}902X asuu täällä.`)).toBe(`Asukas 150385${s}**** asuu täällä.`);
    }
  });

  it('masks every code in a text and leaves the rest alone', () => {
    expect(redactPersonalIds('150385-9024, 290224A903M ja (071131Y9545).')).toBe('150385-****, 290224A**** ja (071131Y****).');
  });

  it('does not touch what is not code-shaped', () => {
    for (const text of [
      'Y-tunnus 1234567-1',
      '150385G902N', // G is not a century sign
      '1150385-9024', // a longer run of digits
      '150385-90245',
      '150385-****',
      '2026-09-15',
      '+358 40 123 4567',
    ]) {
      expect(redactPersonalIds(text)).toBe(text);
    }
  });

  it('masks a code glued to letters, as in a file name or a key (issue 17)', () => {
    expect(redactPersonalIds('Hetu120468-937R')).toBe('Hetu120468-****');
    expect(redactPersonalIds('plans/asiakas120468-937R.yaml')).toBe('plans/asiakas120468-****.yaml');
    expect(redactPersonalIds('x150385-9024y')).toBe('x150385-****y');
    expect(redactPersonalIds('asiakas_150385a902xB')).toBe('asiakas_150385a****B');
  });

  it('is repeatable: the shared global regular expression keeps no state between calls', () => {
    expect(redactPersonalIds('150385-9024')).toBe('150385-****');
    expect(redactPersonalIds('150385-9024')).toBe('150385-****');
    expect('a 150385-9024 b'.match(PERSONAL_ID_SCAN_RE)).toEqual(['150385-9024']);
  });
});
