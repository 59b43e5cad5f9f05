/**
 * Import step 2, data: the section headings of real plans and where their text goes in the plan
 * format. Covered: Valvira's 2024 structure (regulation on self-monitoring plans under
 * valvontalaki 741/2023 § 27), the superseded 2014 structure (Valvira regulation 1/2014, form
 * avi21u1, sections 4.1.1-4.5) and the service description of docs/plan-format.md, in Finnish
 * and Swedish. A heading is matched after `normalizeHeading`: numbering ("1.", "2.3"), the
 * 2014 structure's section references ("(4.1.1)"), case, dashes and a trailing colon do not
 * matter. Several wordings of one heading are listed because real plans vary them.
 */
import type { PlanKind } from '../schema/index.js';
import { editDistance } from '../suggest.js';

/** Where the text under a heading goes. */
export type SectionTarget =
  /** All of the section's text, as one free-text value of this key (a dotted path). */
  | { key: string }
  /** Labelled fields ("Y-tunnus: 1234567-1") are picked out; the rest is kept under the heading. */
  | { fields: FieldScope }
  /** Rows or paragraphs turned into a structured key by a dedicated reader (see import-plan.ts). */
  | { special: 'price' | 'includes' | 'responsibilities' | 'service-name' }
  /** A heading of the templates that the format has no key for: its text is kept under it. */
  | { keep: true };

/** Which entity a section's unqualified field labels ("Nimi") describe. */
export type FieldScope = 'provider' | 'unit' | 'documentation';

/** One heading, with its wordings. */
export interface HeadingDef {
  kinds: readonly PlanKind[];
  /** Normalised wordings, Finnish and Swedish. */
  names: readonly string[];
  target: SectionTarget;
  /** May open a paragraph without a colon ("Toiminta-ajatus Lastenkodin toiminta-ajatuksena on ..."). */
  inline?: true;
  /** The structure the heading belongs to, when only one has it. */
  template?: 'valvira-2014' | 'valvira-2024';
}

const SMP: readonly PlanKind[] = ['SelfMonitoringPlan'];
const SD: readonly PlanKind[] = ['ServiceDescription'];
const BOTH: readonly PlanKind[] = ['SelfMonitoringPlan', 'ServiceDescription'];

const smp = (names: string[], target: SectionTarget, extra: Partial<HeadingDef> = {}): HeadingDef => ({ kinds: SMP, names, target, ...extra });
const sd = (names: string[], target: SectionTarget, extra: Partial<HeadingDef> = {}): HeadingDef => ({ kinds: SD, names, target, ...extra });
const keep = { keep: true } as const;

/** Every heading the importer recognises. */
export const HEADINGS: readonly HeadingDef[] = [
  // Provider and unit (2024: section 1; 2014: 4.1.1).
  smp(['palveluntuottajaa, palveluyksikköä ja toimintaa koskevat tiedot', 'uppgifter om tjänsteproducenten, tjänsteenheten och verksamheten'], { fields: 'provider' }, { template: 'valvira-2024' }),
  // "Palveluyksikkö" is valvontalaki's (2024) word; the 2014 form says "toimintayksikkö".
  smp(['palveluntuottajaa ja palveluyksikköä koskevat tiedot', 'uppgifter om tjänsteproducenten och tjänsteenheten'], { fields: 'provider' }, { template: 'valvira-2024' }),
  smp(['palvelujen tuottajaa koskevat tiedot', 'palvelun tuottajaa koskevat tiedot', 'uppgifter om serviceproducenten', 'uppgifter om producenten av tjänsterna'], { fields: 'provider' }, { template: 'valvira-2014' }),
  smp(['palveluntuottajaa koskevat tiedot', 'uppgifter om tjänsteproducenten'], { fields: 'provider' }),
  // Not "Palveluntuottaja" alone: it is the 2024 structure's label of the provider's name.
  smp(['palveluntuottajan perustiedot', 'palveluntuottajan tiedot', 'tjänsteproducentens basuppgifter'], { fields: 'provider' }),
  smp(['palveluyksikön perustiedot', 'toimintayksikön perustiedot', 'palveluyksikön tiedot', 'toimintayksikön tiedot', 'palveluyksikkö', 'toimintayksikkö', 'tjänsteenhetens basuppgifter', 'uppgifter om verksamhetsenheten', 'tjänsteenhet', 'verksamhetsenhet'], { fields: 'unit' }),
  smp(['toiminnan vastuuhenkilöt', 'vastuuhenkilöt', 'palveluyksikön vastuuhenkilöt', 'verksamhetens ansvarspersoner', 'ansvarspersoner'], { fields: 'provider' }),
  smp(['toimilupatiedot', 'toimintalupatiedot', 'toimilupatiedot (yksityiset sosiaalipalvelut)', 'rekisteröinti', 'rekisteröintitiedot', 'tillståndsuppgifter', 'registrering'], { key: 'unit.registration' }),
  // Operating idea, values and principles (2024: 1.3; 2014: 4.1.2).
  smp(['toiminta-ajatus, arvot ja toimintaperiaatteet', 'yksikön toiminta-ajatus, arvot ja toimintaperiaatteet', 'palvelut, toiminta-ajatus ja toimintaperiaatteet', 'verksamhetsidé, värderingar och verksamhetsprinciper', 'verksamhetsidé, värderingar och principer', 'tjänster, verksamhetsidé och verksamhetsprinciper'], keep),
  smp(['palveluyksikön toiminta-ajatus ja toimintaperiaatteet', 'tjänsteenhetens verksamhetsidé och verksamhetsprinciper'], keep, { template: 'valvira-2024' }),
  smp(['toiminta-ajatus', 'yksikön toiminta-ajatus', 'palveluyksikön toiminta-ajatus', 'mikä on yksikön toiminta-ajatus?', 'verksamhetsidé', 'verksamhetsidén', 'tjänsteenhetens verksamhetsidé'], { key: 'operatingIdea' }, { inline: true }),
  smp(['arvot ja toimintaperiaatteet', 'arvot ja periaatteet', 'arvot', 'toimintaperiaatteet', 'yksikön toimintaperiaatteet', 'värderingar och verksamhetsprinciper', 'värderingar och principer', 'värderingar', 'verksamhetsprinciper'], { key: 'principles' }, { inline: true }),
  smp(['päiväys', 'datum'], keep),
  // Client rights (2024: asiakkaan ja potilaan asema ja oikeudet; 2014: 4.2).
  smp(['asiakkaan asema ja oikeudet', 'asiakkaan ja potilaan asema ja oikeudet', 'asiakkaan oikeusturva', 'klientens ställning och rättigheter', 'klientens och patientens ställning och rättigheter', 'klientens rättsskydd'], keep),
  smp(['muistutus', 'muistutuksen käsittely', 'muistutusten käsittely', 'muistutuksen tekeminen', 'anmärkning', 'behandling av anmärkningar'], { key: 'clientRights.complaints' }),
  smp(['sosiaaliasiamies', 'sosiaaliasiavastaava', 'potilasasiavastaava', 'sosiaali- ja potilasasiavastaava', 'potilas- ja sosiaaliasiavastaava', 'potilas- ja sosiaaliasiavastaavat', 'sosiaaliasiamiehen yhteystiedot', 'socialombudsman', 'patientombudsman', 'social- och patientombudsman'], { key: 'clientRights.ombudsman' }),
  smp(['asiakkaan kohtelu', 'asiakkaan ja potilaan kohtelu', 'epäasiallisen kohtelun käsittely', 'bemötande av klienten', 'bemötande av klienter och patienter'], { key: 'clientRights.treatment' }),
  smp(['itsemääräämisoikeus', 'itsemääräämisoikeuden vahvistaminen', 'itsemääräämisoikeuden kunnioittaminen', 'itsemääräämisoikeus ja rajoitustoimenpiteet', 'rajoitteet ja eristäminen', 'rajoitustoimenpiteet', 'självbestämmanderätt', 'självbestämmanderätten', 'stärkande av självbestämmanderätten', 'begränsningsåtgärder'], { key: 'clientRights.selfDetermination' }),
  smp(['palvelutarpeen arviointi', 'hoito- ja palvelusuunnitelma', 'asiakassuunnitelma', 'palvelusopimus', 'asiakkaan osallisuus', 'bedömning av servicebehovet', 'klientplan', 'klientens delaktighet'], keep),
  smp(['säännöllisesti kerättävän ja muun palautteen huomioiminen', 'asiakaspalaute', 'palautteen kerääminen', 'asiakas- ja omaispalautteen vastaanotto ja käsittely', 'asiakkaan ja omaisten osallistuminen', 'beaktande av respons som samlas in regelbundet', 'klientrespons', 'insamling av respons'], keep),
  // Risk management (2024: omavalvonnan riskienhallinta; 2014: 4.1.3).
  smp(['riskinhallinta', 'riskienhallinta', 'omavalvonnan riskienhallinta', 'riskien tunnistaminen ja käsitteleminen', 'riskien tunnistaminen', 'riskien tunnistaminen ja arviointi', 'riskienhallinnan järjestelmät ja menettelytavat', 'riskhantering', 'egenkontrollens riskhantering', 'identifiering och hantering av risker', 'identifiering av risker'], { key: 'riskManagement.assessment' }),
  smp(['korjaavat toimenpiteet', 'korjaavat toimenpiteet ja niiden seuranta', 'korrigerande åtgärder'], { key: 'riskManagement.followUp' }),
  smp(['haittatapahtumien ja vaaratilanteiden käsittely', 'vaaratapahtumien käsittely', 'vakavien vaaratapahtumien tutkinta', 'hantering av skadehändelser och riskfyllda situationer', 'hantering av riskhändelser'], { key: 'adverseEvents.learning' }),
  smp(['ilmoitusvelvollisuus', 'henkilökunnan ilmoitusvelvollisuus', 'henkilöstön ilmoitusvelvollisuus', 'anmälningsskyldighet', 'personalens anmälningsskyldighet'], keep),
  // Drawing up, following up and publishing the plan.
  smp(['omavalvontasuunnitelman laatiminen', 'omavalvonnan suunnittelu', 'omavalvontasuunnitelman seuranta', 'omavalvonnan seuranta ja raportointi', 'omavalvontasuunnitelman julkaiseminen, toteuttaminen ja päivittäminen', 'omavalvontasuunnitelman julkisuus', 'omavalvontasuunnitelman seuranta ja julkisuus', 'yhteenveto kehittämissuunnitelmasta', 'utarbetande av planen för egenkontroll', 'uppföljning av planen för egenkontroll', 'uppföljning och rapportering av egenkontrollen', 'offentliggörande av planen för egenkontroll'], keep),
  // Content of the service, client safety, staff, premises (2014: 4.3-4.4).
  smp(['palvelun sisällön omavalvonta', 'hyvinvointia, kuntoutumista ja toimintakykyä edistävä toiminta', 'ravitsemus', 'hygieniakäytännöt', 'terveyden- ja sairaanhoito', 'lääkehoito', 'lääkehoitosuunnitelma', 'lääkehuolto', 'asiakasturvallisuus', 'asiakas- ja potilasturvallisuus', 'valmius- ja jatkuvuudenhallinta', 'toimitilat', 'toimitilat ja välineet', 'egenkontroll av tjänstens innehåll', 'läkemedelsbehandling', 'klientsäkerhet', 'klient- och patientsäkerhet', 'beredskap och kontinuitetshantering', 'lokaler'], keep),
  smp(['monialainen yhteistyö ja palvelun koordinointi', 'monialainen yhteistyö', 'yhteistyö', 'yhteistyö eri toimijoiden kanssa', 'palvelujen koordinointi', 'mångprofessionellt samarbete och samordning av tjänster', 'mångprofessionellt samarbete', 'samarbete'], { key: 'coordination' }),
  smp(['henkilöstö', 'henkilöstön määrä ja rakenne', 'henkilöstön määrä, rakenne ja riittävyys', 'henkilöstön rekrytointi', 'henkilöstön perehdyttäminen', 'personal', 'personalens antal och struktur', 'rekrytering av personal'], keep),
  smp(['henkilöstön riittävyyden seuranta', 'asiakas- ja potilastyöhön osallistuvan henkilöstön riittävyyden seuranta', 'henkilöstön riittävyyden varmistaminen', 'uppföljning av personalens tillräcklighet'], { key: 'staffing.sufficiencyMonitoring.method' }),
  smp(['täydennyskoulutus', 'henkilöstön täydennyskoulutus', 'henkilöstön perehdyttäminen ja täydennyskoulutus', 'fortbildning', 'personalens fortbildning'], { key: 'staffing.continuingEducation' }),
  smp(['työvuorosuunnittelu', 'planering av arbetsskift'], { key: 'staffing.shiftPlanningBasis' }),
  smp(['laitteet ja tarvikkeet', 'terveydenhuollon laitteet ja tarvikkeet', 'teknologiset ratkaisut', 'lääkinnälliset laitteet, tietojärjestelmät ja teknologian käyttö', 'lääkinnälliset laitteet', 'toimitilat, laitteet ja tarvikkeet', 'anordningar och förnödenheter', 'medicintekniska produkter', 'medicintekniska produkter, informationssystem och användning av teknik'], { key: 'equipment' }),
  smp(['asiakas- ja potilastietojen käsittely', 'asiakastietojen käsittely', 'asiakas- ja potilastietojen käsittely ja tietosuoja', 'asiakastietojen käsittely ja tietosuoja', 'tietosuoja', 'behandling av klient- och patientuppgifter', 'behandling av klientuppgifter', 'dataskydd'], { key: 'clientData.handling' }),
  smp(['ostopalvelut ja alihankinta', 'alihankinta', 'alihankintana tuotetut palvelut', 'alihankintana toteutettujen palvelujen omavalvonta', 'alihankintana ostetut palvelut ja niiden tuottajat', 'köpta tjänster och underleverantörer', 'underleverantörer', 'köpta tjänster'], { key: 'subcontracting.qualityAssurance' }),
  smp(['valvontaviranomaisten ohjaus', 'viranomaisten ohjaus ja päätökset', 'valvontaviranomaisen ohjaus', 'tillsynsmyndigheternas styrning'], { key: 'authorityGuidance' }),
  // The service description (docs/plan-format.md, modelled on Savoset's).
  sd(['palvelukuvaus', 'tjänstebeskrivning'], { special: 'service-name' }),
  sd(['palvelun nimi ja kohderyhmä', 'tjänstens namn och målgrupp'], { key: 'service.targetGroup' }),
  sd(['tarkoitus, tavoite ja hyödyt', 'tarkoitus, tavoitteet ja hyödyt', 'syfte, mål och nytta'], { key: 'purpose.benefits' }),
  sd(['palvelun sisältö', 'tjänstens innehåll'], { key: 'content' }),
  sd(['itsemääräämisoikeus', 'självbestämmanderätt'], { key: 'selfDetermination' }),
  sd(['palvelun hinta', 'tjänstens pris'], { special: 'price' }),
  sd(['palveluun sisältyy', 'i tjänsten ingår'], { special: 'includes' }),
  sd(['palveluprosessin vastuut', 'ansvar i serviceprocessen', 'ansvaret i serviceprocessen'], { special: 'responsibilities' }),
  sd(['palvelun arviointi, seuranta ja mittaus', 'utvärdering, uppföljning och mätning av tjänsten'], keep),
  { kinds: BOTH, names: ['dokumentointi', 'dokumentation'], target: { fields: 'documentation' } },
];

/**
 * A heading's wording for matching: lower case, one kind of dash, no numbering ("1.", "2.3",
 * "4 "), no trailing remark in brackets (the 2014 section reference "(4.1.1)"), no trailing
 * colon or full stop.
 */
export function normalizeHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:\d+(?:\.\d+)*\.?|[ivx]+\.)\s+/, '')
    .replace(/\s*[:.]\s*$/, '')
    // A trailing remark in brackets: "(4.1.1)", "(palvelut, asiakasryhmä sekä määrä)".
    .replace(/\s*\([^()]*\)\s*$/, '')
    .replace(/\s*[:.]\s*$/, '')
    .replace(/^\s*\/\s*/, '')
    .trim();
}

const ALL_NAMES = [...new Set(HEADINGS.flatMap((h) => h.names))];

/**
 * The known wording `normalized` is, allowing a typo in a long heading (real plans have them:
 * "toimintaperitaatteet"): up to one edit from 12 characters, two from 24. Short headings
 * must match exactly, or "arvot" would take "arvio".
 */
export function knownWording(normalized: string): string | undefined {
  if (ALL_NAMES.includes(normalized)) return normalized;
  const allowed = normalized.length >= 24 ? 2 : normalized.length >= 12 ? 1 : 0;
  if (allowed === 0) return undefined;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const name of ALL_NAMES) {
    if (Math.abs(name.length - normalized.length) > allowed) continue;
    const d = editDistance(name, normalized);
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

/** The definitions of the wording `normalized` (or of the known wording it is a typo of), for any kind. */
export function headingsNamed(normalized: string): HeadingDef[] {
  const name = knownWording(normalized);
  return name === undefined ? [] : HEADINGS.filter((h) => h.names.includes(name));
}

/** The definition of `normalized` for `kind`, if the importer knows it. */
export function headingFor(normalized: string, kind: PlanKind): HeadingDef | undefined {
  const name = knownWording(normalized);
  return name === undefined ? undefined : HEADINGS.find((h) => h.kinds.includes(kind) && h.names.includes(name));
}

/** Whether a heading of the 2014 structure shows itself by its section reference, "(4.1.1)". */
export function has2014Reference(text: string): boolean {
  return /\(\s*4\.\d(?:\.\d)?\s*\)\s*:?\s*$/.test(text);
}
