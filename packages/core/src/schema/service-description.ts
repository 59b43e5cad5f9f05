/**
 * Schema step: `kind: ServiceDescription` (palvelukuvaus / tjänstebeskrivning), modelled on
 * a real service description, as docs/plan-format.md defines it.
 */
import { z } from 'zod';
import { described as d } from './meta.js';
import { interval } from './primitives.js';
import { documentHeader, documentation, importedText } from './common.js';

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const TIME_RANGE_RE = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/;
const timeRange = () => z.string().regex(TIME_RANGE_RE, { message: 'laatuvahti:badTimeRange' });

const legalBasis = z.strictObject({
  law: d(z.string(), 'Säädöksen numero, esim. 710/1982.', 'Författningens nummer, t.ex. 710/1982.', 'Statute number, e.g. 710/1982.'),
  section: d(z.string(), 'Pykälä, esim. "27 e".', 'Paragraf, t.ex. "27 e".', 'Section, e.g. "27 e".'),
  demandingMultiprofessionalSupport: d(z.boolean(), 'Palvelu liittyy vaativaan moniammatilliseen tukeen (erityishuoltolaki 2 § 1.1.2025 alkaen).', 'Tjänsten hänför sig till krävande multiprofessionellt stöd (specialomsorgslagen 2 § från 1.1.2025).', 'The service is linked to demanding multiprofessional support (519/1977 § 2 from 2025-01-01).').optional(),
});

const feedbackEntry = z.strictObject({
  from: z.enum(['clients', 'relatives', 'staff']),
  every: interval().optional(),
});

const price = z.union([
  z.strictObject({ includedInDailyPrice: z.literal(true) }),
  z.strictObject({ amount: z.number().nonnegative(), currency: z.string().optional(), per: z.enum(['day', 'week', 'month', 'visit', 'hour']).optional() }),
]);

/** Schema of `kind: ServiceDescription`. */
export const serviceDescriptionSchema = z.strictObject({
  ...documentHeader('ServiceDescription'),
  unit: d(
    z.strictObject({
      name: d(z.string(), 'Yksikön nimi.', 'Enhetens namn.', 'Unit name.').optional(),
      address: d(z.string(), 'Käyntiosoite.', 'Besöksadress.', 'Street address.').optional(),
    }),
    'Yksikkö.', 'Enhet.', 'Unit.',
  ).optional(),
  serviceGroup: d(z.enum(['outpatient', 'housing', 'day-activity', 'work-activity', 'other']), 'Palveluryhmä.', 'Tjänstegrupp.', 'Service group.').optional(),
  service: d(
    z.strictObject({
      name: d(z.string(), 'Palvelun nimi.', 'Tjänstens namn.', 'Service name.').optional(),
      targetGroup: d(z.string(), 'Kohderyhmä.', 'Målgrupp.', 'Target group.').optional(),
      legalBasis: d(z.array(legalBasis), 'Lakiperusta: säädös ja pykälä.', 'Rättslig grund: författning och paragraf.', 'Legal basis: statute and section.').optional(),
    }),
    'Palvelun nimi ja kohderyhmä.', 'Tjänstens namn och målgrupp.', 'Service name and target group.',
  ).optional(),
  purpose: d(
    z.strictObject({ goals: z.array(z.string()).optional(), benefits: z.string().optional() }),
    'Tarkoitus, tavoite ja hyödyt.', 'Syfte, mål och nytta.', 'Purpose, goals and benefits.',
  ).optional(),
  content: d(z.string(), 'Palvelun sisältö.', 'Tjänstens innehåll.', 'Content of the service.').optional(),
  selfDetermination: d(z.string(), 'Miten itsemääräämisoikeutta tuetaan.', 'Hur självbestämmanderätten stöds.', 'How self-determination is supported.').optional(),
  premises: d(
    z.strictObject({ accessible: z.boolean().optional(), areaM2: z.number().positive().optional(), sites: z.array(z.string()).optional() }),
    'Tilat.', 'Lokaler.', 'Premises.',
  ).optional(),
  staff: d(
    z.strictObject({
      total: z.number().int().nonnegative().optional(),
      roles: z.array(z.strictObject({ title: z.string().optional(), count: z.number().int().nonnegative().optional() })).optional(),
      qualifications: z.array(z.strictObject({ name: z.string().optional(), count: z.number().int().nonnegative().optional() })).optional(),
    }),
    'Henkilöstö.', 'Personal.', 'Staff.',
  ).optional(),
  openingHours: d(
    z.strictObject(Object.fromEntries(weekdays.map((w) => [w, timeRange().optional()])) as Record<(typeof weekdays)[number], z.ZodOptional<z.ZodString>>),
    'Aukioloajat: viikonpäivä -> "HH:MM-HH:MM"; puuttuva päivä = suljettu.', 'Öppettider: veckodag -> "HH:MM-HH:MM"; saknad dag = stängt.', 'Opening hours: weekday -> "HH:MM-HH:MM"; a missing day is closed.',
  ).optional(),
  clientsPerDay: d(z.number().int().nonnegative(), 'Asiakkaita päivässä.', 'Klienter per dag.', 'Clients per day.').optional(),
  groups: d(
    z.array(z.strictObject({
      name: z.string().optional(),
      kind: z.enum(['creative', 'exercise-wellbeing', 'peer-support', 'other']).optional(),
      schedule: z.strictObject({ day: z.enum(weekdays), time: timeRange() }).optional(),
      site: z.string().optional(),
    })),
    'Ryhmät.', 'Grupper.', 'Groups.',
  ).optional(),
  qualityCriteria: d(
    z.strictObject({ framework: z.enum(['KVANK', 'other']).optional(), criteria: z.array(z.number().int()).optional() }),
    'Laatukriteerit (KVANK 1–10).', 'Kvalitetskriterier (KVANK 1–10).', 'Quality criteria (KVANK 1–10).',
  ).optional(),
  outcomeMonitoring: d(
    z.strictObject({ method: z.string().optional(), every: interval().optional() }),
    'Vaikutusten seuranta.', 'Uppföljning av effekter.', 'Outcome monitoring.',
  ).optional(),
  price: d(price, 'Palvelun hinta.', 'Tjänstens pris.', 'Price of the service.').optional(),
  includes: d(
    z.array(z.strictObject({ item: z.string(), condition: z.string().optional() })),
    'Palveluun sisältyy.', 'I tjänsten ingår.', 'Included in the service.',
  ).optional(),
  responsibilities: d(
    z.array(z.strictObject({ item: z.string(), party: z.enum(['commissioner', 'producer', 'client']).optional() })),
    'Palveluprosessin vastuut: tilaaja, tuottaja tai asiakas.', 'Ansvar i tjänsteprocessen: beställare, producent eller klient.', 'Responsibilities: commissioner, producer or client.',
  ).optional(),
  evaluation: d(
    z.strictObject({
      individualActionPlan: z.strictObject({ reviewEvery: interval().optional(), reviewWhenNeeded: z.boolean().optional() }).optional(),
      feedback: z.array(feedbackEntry).optional(),
    }),
    'Palvelun arviointi, seuranta ja mittaus.', 'Utvärdering, uppföljning och mätning.', 'Evaluation, monitoring and measurement.',
  ).optional(),
  documentation,
  importedText,
});

export type ServiceDescription = z.infer<typeof serviceDescriptionSchema>;
