/**
 * Schema step: keys both kinds share (the header and the documentation section).
 */
import { z } from 'zod';
import { described as d } from './meta.js';
import { documentDate } from './primitives.js';
import type { Locale } from '../types.js';

export const API_VERSION = 'laatuvahti/v1';
export const KINDS = ['SelfMonitoringPlan', 'ServiceDescription'] as const;
export type PlanKind = (typeof KINDS)[number];

/** What each kind is called in each language (the statutes' and the seeds' terms). */
export const KIND_NAMES: Readonly<Record<PlanKind, Record<Locale, string>>> = {
  SelfMonitoringPlan: { fi: 'Omavalvontasuunnitelma', sv: 'Plan för egenkontroll', en: 'Self-monitoring plan' },
  ServiceDescription: { fi: 'Palvelukuvaus', sv: 'Tjänstebeskrivning', en: 'Service description' },
};

/** The header keys every plan file starts with. */
export function documentHeader(kind: PlanKind) {
  return {
    apiVersion: d(z.literal(API_VERSION), 'Muodon versio: laatuvahti/v1.', 'Formatets version: laatuvahti/v1.', 'Format version: laatuvahti/v1.'),
    kind: d(z.literal(kind), 'Asiakirjan laji.', 'Dokumentets typ.', 'Kind of document.'),
    language: d(z.enum(['fi', 'sv', 'en']), 'Vapaan tekstin kieli: fi | sv | en.', 'Fritextens språk: fi | sv | en.', 'Language of the free text: fi | sv | en.').optional(),
    updated: d(
      documentDate(),
      'Milloin asiakirjaa viimeksi muutettiin (VVVV-KK-PP; VVVV-KK tai VVVV, jos asiakirjassa ei ole päivää).',
      'När dokumentet senast ändrades (ÅÅÅÅ-MM-DD; ÅÅÅÅ-MM eller ÅÅÅÅ om dokumentet inte anger dagen).',
      'When the document was last changed (YYYY-MM-DD; YYYY-MM or YYYY where the document gives no day).',
    ).optional(),
  };
}

export const documentation = d(
  z.strictObject({
    clientRecords: d(z.string(), 'Asiakastietojärjestelmä.', 'Klientdatasystem.', 'Client records system.').optional(),
    incidentReporting: d(z.string(), 'Asiakasturvallisuusilmoitusten ja työtapaturmien järjestelmä.', 'System för klientsäkerhetsanmälningar och arbetsolycksfall.', 'System for client-safety reports and work accidents.').optional(),
  }),
  'Dokumentointi.', 'Dokumentation.', 'Documentation.',
).optional();

/**
 * Text of an imported document (`laatuvahti import`) that no other key holds, under the heading
 * it stood in, so that a conversion never loses a paragraph. No rule reads it: a person moves
 * each part to its key, or leaves it as the plan's own wording.
 */
export const importedText = d(
  z.array(
    z.strictObject({
      heading: d(z.string(), 'Otsikko, jonka alla teksti oli lähdeasiakirjassa.', 'Rubriken som texten stod under i källdokumentet.', 'The heading the text stood under in the source document.').optional(),
      text: d(z.string(), 'Teksti sellaisenaan.', 'Texten som sådan.', 'The text as it was.'),
    }),
  ),
  'Tuodun asiakirjan teksti, jota ei sijoitettu mihinkään avaimeen (laatuvahti import).',
  'Text ur ett importerat dokument som inte placerats under någon nyckel (laatuvahti import).',
  'Text of an imported document that no other key holds (laatuvahti import).',
).optional();
