/**
 * Messages: what each basis of a rule is called (shown by `explain`, `rules`, hovers and reports),
 * and what the default rule set does with it.
 */
import type { Basis } from '../rules/rule-schema.js';
import type { Locale } from '../types.js';

/** The basis of a rule in words: the kind of source its requirement rests on. */
export const BASIS_NAMES: Readonly<Record<Basis, Record<Locale, string>>> = {
  law: { fi: 'laki', sv: 'lag', en: 'law' },
  regulation: { fi: 'Valviran määräys', sv: 'Valviras föreskrift', en: 'Valvira regulation' },
  guidance: { fi: 'valtakunnallinen ohje', sv: 'nationell anvisning', en: 'national guidance' },
  practice: { fi: 'yksittäisen asiakirjan käytäntö', sv: 'praxis i ett enskilt dokument', en: 'practice of a single document' },
};

/** Says that a practice rule is off unless the strict set is chosen. */
export const OFF_BY_DEFAULT: Readonly<Record<Locale, string>> = {
  fi: 'oletuksena pois päältä; käytössä joukossa laatuvahti:strict',
  sv: 'avstängd som standard; på i laatuvahti:strict',
  en: 'off by default; on in laatuvahti:strict',
};
