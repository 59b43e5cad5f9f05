/**
 * The language server's own words (code action titles, hover labels, the "could not be
 * checked" finding) in fi / sv / en. Findings' messages come from core and the rule files.
 */
import { formatMessage, type Locale } from '@laatuvahti/core/internal';

const TEXTS = {
  checkFailed: {
    fi: 'Tiedostoa ei voitu tarkistaa sisäisen virheen vuoksi: {{detail}}',
    sv: 'Filen kunde inte kontrolleras på grund av ett internt fel: {{detail}}',
    en: 'The file could not be checked because of an internal error: {{detail}}',
  },
  insertKey: {
    fi: 'Lisää puuttuva avain "{{key}}"',
    sv: 'Lägg till den saknade nyckeln "{{key}}"',
    en: 'Insert the missing key "{{key}}"',
  },
  replaceValue: {
    fi: 'Korvaa arvolla "{{value}}"',
    sv: 'Ersätt med "{{value}}"',
    en: 'Replace with "{{value}}"',
  },
  renameKey: {
    fi: 'Muuta avaimeksi "{{key}}"',
    sv: 'Byt nyckeln till "{{key}}"',
    en: 'Rename the key to "{{key}}"',
  },
  fixAll: {
    fi: 'Laatuvahti: korjaa kaikki kirjoitusvirheet ({{count}})',
    sv: 'Laatuvahti: rätta alla felstavningar ({{count}})',
    en: 'Laatuvahti: correct all misspellings ({{count}})',
  },
  suppress: {
    fi: 'Ohita {{rule}} tällä rivillä (kirjaa perustelu)',
    sv: 'Undanta {{rule}} på denna rad (ange en motivering)',
    en: 'Suppress {{rule}} on this line (give a reason)',
  },
  reasonPlaceholder: { fi: '<perustelu>', sv: '<motivering>', en: '<reason>' },
  // Written into the plan, so in the plan's own language: visibly unfinished text.
  fillIn: { fi: 'TÄYDENNÄ', sv: 'FYLL I', en: 'TODO' },
  source: { fi: 'Lähde', sv: 'Källa', en: 'Source' },
  documentation: { fi: 'Ohje', sv: 'Dokumentation', en: 'Documentation' },
  severity: { fi: 'Vakavuus', sv: 'Allvarlighetsgrad', en: 'Severity' },
  // The code lens over a plan: its rules at a glance, and the way to the compliance report.
  rulesMet: {
    fi: 'Laatuvahti: {{met}}/{{applicable}} sääntöä täyttyy',
    sv: 'Laatuvahti: {{met}} av {{applicable}} regler uppfyllda',
    en: 'Laatuvahti: {{met}} of {{applicable}} rules met',
  },
  rulesNotMet: { fi: '{{count}} ei täyty', sv: '{{count}} inte uppfyllda', en: '{{count}} not met' },
  rulesExcepted: { fi: '{{count}} vaiennettu', sv: '{{count}} undantagna', en: '{{count}} suppressed' },
  rulesNotEvaluated: { fi: 'tarkistus jäi kesken', sv: 'kontrollen avbröts', en: 'check incomplete' },
  ignoredByConfig: {
    fi: 'Laatuvahti: ei tarkisteta, asetustiedoston ignores jättää tiedoston pois',
    sv: 'Laatuvahti: kontrolleras inte, konfigurationens ignores utesluter filen',
    en: 'Laatuvahti: not checked, the config\'s ignores leave this file out',
  },
  showReport: { fi: 'tarkistusraportti', sv: 'kontrollrapport', en: 'compliance report' },
} satisfies Record<string, Record<Locale, string>>;

/** Ids of the server's texts. */
export type LspTextId = keyof typeof TEXTS;

/** One of the server's texts in a locale, placeholders filled. */
export function lspText(id: LspTextId, locale: Locale, data: Record<string, unknown> = {}): string {
  return formatMessage(TEXTS[id][locale], data);
}
