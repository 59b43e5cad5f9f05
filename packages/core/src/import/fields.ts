/**
 * Import step 3, data and matching: the labelled fields of the templates' data sections
 * ("Palveluntuottajan Y-tunnus: 1234567-1", "Toimintayksikön nimi Lastenkoti ...") and how a
 * value is recognised. Labels are found anywhere in a block, so a form flattened into one line
 * by a PDF transcript reads as well as a "label: value" list; the value of a label runs to the
 * next label. Labels without a target (the 2014 form's licence fields, municipality, fax) are
 * listed too: they end the value before them, and their text stays in the draft.
 */
import type { FieldScope } from './headings.js';

/** Where a field's value goes. `unit.street`, `unit.postcode` and `unit.city` make `unit.address`. */
export type FieldTarget =
  | 'provider.name'
  | 'provider.businessId'
  | 'unit.name'
  | 'unit.nameAndAddress'
  | 'unit.street'
  | 'unit.postcode'
  | 'unit.city'
  | 'unit.address'
  | 'person.name'
  | 'contact.phone'
  | 'contact.email'
  | 'updated'
  | 'serviceGroup'
  | 'documentation.clientRecords'
  | 'documentation.incidentReporting';

interface FieldLabel {
  /** Wordings, lower case; a space matches any white space. */
  names: string[];
  /** undefined: a label that only ends the value before it. Per scope when the label is unqualified. */
  target?: FieldTarget | Partial<Record<FieldScope | 'any', FieldTarget>>;
}

const LABELS: FieldLabel[] = [
  { names: ['palvelujen tuottajan virallinen nimi', 'palveluntuottajan virallinen nimi', 'palvelujen tuottajan nimi', 'palveluntuottajan nimi', 'palvelun tuottajan nimi', 'tjänsteproducentens officiella namn', 'tjänsteproducentens namn', 'serviceproducentens namn'], target: 'provider.name' },
  // The 2024 structure's "Palveluntuottaja: <name>"; in the 2014 form the same words head the
  // kind ("Palvelujen tuottaja Yksityinen palvelujen tuottaja"), a label of its own below.
  { names: ['palveluntuottaja', 'palvelujen tuottaja', 'tjänsteproducent', 'serviceproducent'], target: 'provider.name' },
  { names: ['nimi', 'namn'], target: { provider: 'provider.name', unit: 'unit.name' } },
  { names: ['palvelujen tuottajan y-tunnus', 'palveluntuottajan y-tunnus', 'palvelun tuottajan y-tunnus', 'y-tunnus', 'tjänsteproducentens fo-nummer', 'serviceproducentens fo-nummer', 'fo-nummer', 'företags- och organisationsnummer'], target: 'provider.businessId' },
  { names: ['toimintayksikön nimi', 'palveluyksikön nimi', 'verksamhetsenhetens namn', 'tjänsteenhetens namn'], target: 'unit.name' },
  { names: ['yksikön nimi', 'enhetens namn'], target: 'unit.nameAndAddress' },
  { names: ['toimintayksikön postiosoite', 'toimintayksikön katuosoite', 'toimintayksikön osoite', 'palveluyksikön katuosoite', 'palveluyksikön osoite', 'palveluyksikön käyntiosoite', 'verksamhetsenhetens postadress', 'verksamhetsenhetens gatuadress', 'tjänsteenhetens adress', 'tjänsteenhetens besöksadress'], target: 'unit.street' },
  // An unqualified address is the unit's only in the unit's own section: in the 2024 structure's
  // first section it follows "Palveluntuottaja" and is the provider's.
  { names: ['käyntiosoite', 'besöksadress'], target: { unit: 'unit.street' } },
  { names: ['toimintayksikön sijaintikunta yhteystietoineen', 'verksamhetsenhetens kommun med kontaktuppgifter'], target: 'unit.address' },
  { names: ['osoite', 'adress'], target: { unit: 'unit.address' } },
  { names: ['postinumero', 'postnummer'], target: 'unit.postcode' },
  { names: ['postitoimipaikka', 'postanstalt', 'postort'], target: 'unit.city' },
  { names: ['toiminnasta vastaavan henkilön nimi', 'toiminnasta vastaavan vastuuhenkilön nimi', 'toiminnasta vastaava henkilö', 'toimintayksikön vastaava esimies', 'palveluyksikön vastuuhenkilö', 'yksikön vastuuhenkilö', 'vastuuhenkilön nimi', 'vastuuhenkilö', 'vastaava esimies', 'vastaava johtaja', 'den ansvariga personens namn', 'ansvarig person för verksamheten', 'ansvarig person', 'ansvarsperson', 'föreståndare'], target: 'person.name' },
  { names: ['puhelin', 'puhelinnumero', 'puh', 'telefon', 'telefonnummer', 'tfn'], target: 'contact.phone' },
  { names: ['sähköposti', 'sähköpostiosoite', 'e-post', 'e-postadress'], target: 'contact.email' },
  { names: ['päivitetty viimeksi', 'päivitetty', 'laatimispäivä/päivitys', 'laatimispäivä', 'laadittu ja hyväksytty', 'laadittu', 'päiväys', 'paikka ja päivämäärä', 'paikka ja aika', 'päivämäärä', 'senast uppdaterad', 'uppdaterad', 'ort och datum', 'datum'], target: { any: 'updated' } },
  { names: ['palveluryhmä', 'tjänstegrupp'], target: 'serviceGroup' },
  { names: ['asiakastietojen raportointi', 'asiakastietojen kirjaaminen', 'asiakastietojärjestelmä', 'potilastietojärjestelmä', 'rapportering av klientuppgifter', 'klientdatasystem'], target: 'documentation.clientRecords' },
  { names: ['asiakasturvallisuusilmoitukset ja työtapaturmat', 'asiakasturvallisuusilmoitukset ja työtaturmat', 'asiakasturvallisuusilmoitukset', 'klientsäkerhetsanmälningar och arbetsolycksfall', 'klientsäkerhetsanmälningar'], target: 'documentation.incidentReporting' },
  // The 2014 form's other fields: they end a value; nothing of theirs is picked. (Not a bare
  // "kunta": it ends many a value, "Juvan kunta".)
  {
    names: [
      'yksityinen palvelujen tuottaja', 'yksityinen palveluntuottaja', 'kunnan nimi', 'kuntayhtymän nimi', 'sote-alueen nimi',
      'sijaintikunnan yhteystiedot', 'sijaintikunta', 'palvelumuoto ja asiakasryhmä, jolle palvelua tuotetaan', 'palvelumuoto; asiakasryhmä, jolle palvelua tuotetaan; asiakaspaikkamäärä', 'palvelumuoto',
      'postiosoite', 'faksi', 'vaihde', 'toimilupatiedot (yksityiset sosiaalipalvelut)', 'toimintalupatiedot (yksityiset sosiaalipalvelut)', 'toimilupatiedot', 'aluehallintoviraston/valviran luvan myöntämisajankohta',
      '(yksityiset ympärivuorokautista toimintaa harjoittavat yksiköt)', 'muutosluvan myöntämisen ajankohta', 'muutoslupa', 'ilmoituksenvarainen toiminta (yksityiset sosiaalipalvelut)', 'ilmoituksenvarainen toiminta',
      'kunnan päätös ilmoituksen vastaanottamisesta ajankohta', 'aluehallintoviraston rekisteröintipäätös ajankohta', 'aluehallintoviraston rekisteröintipäätöksen ajankohta', 'vastuuvakuutuksen voimassaolo (todennettava pyydettäessä)', 'vastuuvakuutuksen voimassaolo',
      'palvelu, johon lupa on myönnetty', 'tjänsteform', 'postadress',
      // The 2024 structure's fields with several values (a list of persons, of service points).
      'vastuuhenkilön/-henkilöiden nimi/nimet, tehtävät ja yhteystiedot', 'vastuuhenkilön nimi, tehtävät ja yhteystiedot', 'palveluyksikköön kuuluvat palvelupisteet/etäpalvelut ja yhteystiedot',
      'ansvarspersonens/ansvarspersonernas namn, uppgifter och kontaktuppgifter',
    ],
  },
];

/** A label found in a text: where, and where its value goes in this scope. */
export interface LabelMatch {
  start: number;
  end: number;
  /** The label as written in the source. */
  label: string;
  target?: FieldTarget;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}

interface CompiledLabel {
  re: RegExp;
  target: FieldLabel['target'];
}

// Longest wording first, so "palveluntuottajan y-tunnus" wins over "y-tunnus" at the same place.
// A label is a whole word: not the end of "Life Care -asiakastietojärjestelmä".
const COMPILED: readonly CompiledLabel[] = LABELS.flatMap((l) => l.names.map((name) => ({ name, target: l.target })))
  .sort((a, b) => b.name.length - a.name.length)
  .map(({ name, target }) => ({ re: new RegExp(`(?<![\\p{L}\\p{N}-])${escapeRe(name)}(?![\\p{L}\\p{N}-])`, 'giu'), target }));

function targetIn(target: FieldLabel['target'], scope: FieldScope | 'any'): FieldTarget | undefined {
  if (target === undefined || typeof target === 'string') return target;
  return target[scope] ?? target.any;
}

/** The labels in `text`, in order, without overlaps (the longest wins where two start together). */
export function findLabels(text: string, scope: FieldScope | 'any'): LabelMatch[] {
  const found: LabelMatch[] = [];
  for (const { re, target } of COMPILED) {
    for (const m of text.matchAll(new RegExp(re.source, re.flags))) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ start, end, label: m[0], ...(targetIn(target, scope) ? { target: targetIn(target, scope)! } : {}) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A value accepted for a field: what goes into the draft, and whether it is all of the text after the label. */
export interface FieldValue {
  value: string;
  complete: boolean;
}

const BUSINESS_ID_RE = /(?<![\d])\d{7}[-\u2010-\u2015]\d(?!\d)/;
const DATE_RE = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d])|(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d])/;
const SERVICE_GROUPS: Record<string, string> = {
  avopalvelut: 'outpatient', avopalvelu: 'outpatient', 'öppen vård': 'outpatient', öppenvård: 'outpatient', 'öppna tjänster': 'outpatient',
  asumispalvelut: 'housing', asumispalvelu: 'housing', boendeservice: 'housing', boendetjänster: 'housing',
  päivätoiminta: 'day-activity', dagverksamhet: 'day-activity',
  työtoiminta: 'work-activity', arbetsverksamhet: 'work-activity',
};

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** A real calendar date d.m.yyyy or yyyy-mm-dd -> YYYY-MM-DD. */
export function isoDateIn(text: string): { iso: string; match: string } | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = m[1] ? [Number(m[3]), Number(m[2]), Number(m[1])] : [Number(m[4]), Number(m[5]), Number(m[6])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return { iso: date.toISOString().slice(0, 10), match: m[0] };
}

// m/yyyy, m.yyyy or yyyy-mm, not part of a longer number or date.
const MONTH_RE = /(?<![\d./-])(\d{1,2})[/.](\d{4})(?![\d./-])|(?<![\d./-])(\d{4})-(\d{2})(?![\d./-])/;

/** A month m/yyyy, m.yyyy or yyyy-mm -> YYYY-MM. */
export function monthIn(text: string): { iso: string; match: string } | undefined {
  const m = MONTH_RE.exec(text);
  if (!m) return undefined;
  const [y, mo] = m[1] ? [Number(m[2]), Number(m[1])] : [Number(m[3]), Number(m[4])];
  if (mo < 1 || mo > 12 || y < 1900) return undefined;
  return { iso: `${y}-${String(mo).padStart(2, '0')}`, match: m[0] };
}

/**
 * The value of `target` in `raw` (the text between its label and the next), when it has the
 * field's shape: a Y-tunnus 7 digits and a check digit, an address a house number, a name a few
 * words without digits. Anything else is not picked: its text stays in the draft as it was.
 */
export function acceptValue(target: FieldTarget, raw: string): FieldValue | undefined {
  const value = raw.trim();
  if (value === '') return undefined;
  const whole = (v: string): FieldValue => ({ value: v, complete: v === value });
  switch (target) {
    case 'provider.businessId': {
      const m = BUSINESS_ID_RE.exec(value);
      return m ? whole(m[0]) : undefined;
    }
    case 'provider.name':
    case 'unit.name':
      return words(value) <= 10 && value.length <= 120 ? whole(value) : undefined;
    case 'person.name':
      return words(value) <= 6 && !/[\d@]/.test(value) ? whole(value) : undefined;
    case 'unit.nameAndAddress':
      return words(value) <= 14 ? whole(value) : undefined;
    case 'unit.street':
    case 'unit.address':
      return /\d/.test(value) && words(value) <= 10 ? whole(value) : undefined;
    case 'unit.postcode': {
      const m = /^\d{5}$/.exec(value);
      return m ? whole(m[0]) : undefined;
    }
    case 'unit.city':
      return /^[\p{L}][\p{L} -]*$/u.test(value) && words(value) <= 3 ? whole(value) : undefined;
    case 'contact.phone':
      return /^\+?\(?\d[\d\s()/-]{4,}\d$/.test(value) ? whole(value) : undefined;
    case 'contact.email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? whole(value) : undefined;
    case 'updated': {
      // A day when the field gives one; else a month ("5/2025") or a year alone ("2014"), which
      // `updated` accepts for documents dated no closer (date conditions compare the whole span).
      const date = isoDateIn(value) ?? monthIn(value);
      if (date) return { value: date.iso, complete: date.match === value };
      return /^(19|20)\d\d$/.test(value) ? whole(value) : undefined;
    }
    case 'serviceGroup': {
      const group = SERVICE_GROUPS[value.toLowerCase().replace(/[.\s]+$/, '')];
      return group ? { value: group, complete: true } : undefined;
    }
    case 'documentation.clientRecords':
    case 'documentation.incidentReporting':
      return words(value) <= 12 ? whole(value) : undefined;
  }
}
