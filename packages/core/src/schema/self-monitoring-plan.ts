/**
 * Schema step: `kind: SelfMonitoringPlan` (omavalvontasuunnitelma / plan för egenkontroll),
 * exactly as docs/plan-format.md defines it. Keys may be added, never renamed or dropped.
 */
import { z } from 'zod';
import { described as d } from './meta.js';
import { businessId, interval, isoDate } from './primitives.js';
import { documentHeader, documentation, importedText } from './common.js';

export const producerKinds = ['own-staff', 'external-private', 'external-public', 'ngo'] as const;
export const serviceTypes = ['home-care', 'support-services', 'social-guidance', 'social-rehabilitation', 'other'] as const;
/** What a service unit provides (`unit.serviceTypes`): rules use it to say which units they concern. */
export const unitServiceTypes = [
  'home-care',
  'home-help',
  'support-services',
  'day-activity',
  'work-activity',
  'housing',
  'personal-assistance',
  'family-care',
  'child-welfare',
  'rehabilitation',
  'health-care',
  'other',
] as const;
export const housingTypes = [
  'temporary-housing',
  'supported-housing',
  'community-housing',
  'round-the-clock-service-housing',
  'none',
] as const;

const contact = z.strictObject({
  phone: d(z.string(), 'Työpuhelin.', 'Arbetstelefon.', 'Work phone.').optional(),
  email: d(z.string(), 'Työsähköposti.', 'Arbetsmejl.', 'Work e-mail.').optional(),
  address: d(z.string(), 'Työosoite (käynti- tai postiosoite).', 'Arbetsadress (besöks- eller postadress).', 'Work address (visiting or postal).').optional(),
});

const responsiblePerson = z.strictObject({
  id: d(z.string(), 'Tunniste, johon muualla viitataan (esim. socialActivity.responsiblePerson).', 'Id som andra fält hänvisar till (t.ex. socialActivity.responsiblePerson).', 'Id that other fields refer to (e.g. socialActivity.responsiblePerson).'),
  name: d(z.string(), 'Vastuuhenkilön nimi.', 'Ansvarspersonens namn.', 'Name of the responsible person.').optional(),
  title: d(z.string(), 'Tehtävänimike.', 'Befattning.', 'Job title.').optional(),
  areas: d(z.array(z.string()), 'Palvelualueet, joista henkilö vastaa.', 'Tjänsteområden som personen ansvarar för.', 'Service areas the person is responsible for.').optional(),
  education: d(z.string(), 'Koulutus (valvontalaki § 10: asianmukainen koulutus).', 'Utbildning (tillsynslagen § 10: lämplig utbildning).', 'Education (valvontalaki § 10: appropriate education).').optional(),
  contact: d(contact, 'Yhteystiedot.', 'Kontaktuppgifter.', 'Contact details.').optional(),
});

const clientGroup = z.strictObject({
  id: d(z.string(), 'Asiakasryhmän tunniste.', 'Klientgruppens id.', 'Client group id.'),
  name: d(z.string(), 'Asiakasryhmän nimi.', 'Klientgruppens namn.', 'Client group name.').optional(),
  needs: d(z.array(z.enum(serviceTypes)), 'Palvelutarpeet.', 'Servicebehov.', 'Service needs.').optional(),
  goals: d(z.array(z.string()), 'Palvelujen tavoitteet tälle ryhmälle.', 'Målen för tjänsterna för denna grupp.', 'Goals of the services for this group.').optional(),
  serviceAmount: d(z.string(), 'Palvelujen määrä.', 'Tjänsternas omfattning.', 'Amount of services.').optional(),
  rehabilitation: d(z.enum(['none', 'mental-health', 'substance-abuse']), 'Kuntoutus: none | mental-health (mielenterveys) | substance-abuse (päihde).', 'Rehabilitering: none | mental-health | substance-abuse.', 'Rehabilitation: none | mental-health | substance-abuse.').optional(),
});

const producer = z.strictObject({
  name: d(z.string(), 'Tuottajan nimi.', 'Producentens namn.', 'Producer name.').optional(),
  businessId: businessId().optional(),
  kind: d(z.enum(producerKinds), 'Tuottaja: own-staff | external-private | external-public | ngo.', 'Producent: own-staff | external-private | external-public | ngo.', 'Producer: own-staff | external-private | external-public | ngo.').optional(),
});

const service = z.strictObject({
  id: d(z.string(), 'Palvelun tunniste.', 'Tjänstens id.', 'Service id.').optional(),
  name: d(z.string(), 'Palvelun nimi.', 'Tjänstens namn.', 'Service name.').optional(),
  type: d(z.enum(serviceTypes), 'Palvelun laji.', 'Typ av tjänst.', 'Service type.').optional(),
  separateFromHousing: d(z.boolean(), 'Palvelu järjestetään asumisesta erillisenä (Valviran ohje, yhteisöllinen asuminen).', 'Tjänsten ordnas separat från boendet (Valviras anvisning, gemenskapsboende).', 'The service is arranged separately from the housing (Valvira guidance on community housing).').optional(),
  producer: d(producer, 'Palveluntuottaja.', 'Tjänsteproducent.', 'Service producer.').optional(),
  clientGroups: d(z.array(z.string()), 'Asiakasryhmien tunnisteet.', 'Klientgruppernas id.', 'Ids of the client groups served.').optional(),
  goals: d(z.array(z.string()), 'Tavoitteet.', 'Mål.', 'Goals.').optional(),
  content: d(z.string(), 'Sisältö.', 'Innehåll.', 'Content.').optional(),
  amount: d(z.string(), 'Määrä.', 'Omfattning.', 'Amount.').optional(),
});

const activity = z.strictObject({
  name: d(z.string(), 'Toiminnan nimi.', 'Verksamhetens namn.', 'Name of the activity.').optional(),
  goals: d(z.array(z.string()), 'Toiminnan tavoitteet (tavoitteellisuus).', 'Verksamhetens mål (målinriktad).', 'Goals of the activity (goal-oriented).').optional(),
  promotes: d(z.array(z.enum(['wellbeing', 'health', 'functional-capacity', 'social-relationships'])), 'Mitä toiminta edistää: wellbeing | health | functional-capacity | social-relationships.', 'Vad verksamheten främjar: wellbeing | health | functional-capacity | social-relationships.', 'What the activity promotes: wellbeing | health | functional-capacity | social-relationships.').optional(),
  every: d(interval(), 'Kuinka usein toimintaa on (esim. week, 2 weeks).', 'Hur ofta verksamheten ordnas (t.ex. week, 2 weeks).', 'How often the activity takes place (e.g. week, 2 weeks).').optional(),
  location: d(z.enum(['in-unit', 'outside-unit']), 'Paikka: in-unit | outside-unit.', 'Plats: in-unit | outside-unit.', 'Location: in-unit | outside-unit.').optional(),
  basedOn: d(z.string(), 'Mihin asiakkaiden toiveisiin tai tarpeisiin toiminta perustuu.', 'Vilka önskemål eller behov hos klienterna verksamheten bygger på.', 'Which wishes or needs of the clients the activity is based on.').optional(),
});

const socialActivity = z.strictObject({
  organiser: d(z.string(), 'Järjestäjä (hyvinvointialue).', 'Anordnare (välfärdsområdet).', 'Organiser (the wellbeing services county).').optional(),
  implementer: d(
    z.strictObject({ name: z.string().optional(), kind: z.enum(producerKinds).optional() }),
    'Toteuttaja, esim. järjestö tai yksityinen tuottaja.', 'Genomförare, t.ex. en organisation eller privat producent.', 'Implementer, e.g. an NGO or a private provider.',
  ).optional(),
  responsiblePerson: d(z.string(), 'Kokonaisuudesta vastaavan vastuuhenkilön tunniste (responsiblePersons).', 'Id för den ansvarsperson som svarar för helheten (responsiblePersons).', 'Id of the responsible person in charge (from responsiblePersons).').optional(),
  clientParticipation: d(z.string(), 'Miten toiminta suunnitellaan yhdessä asiakkaiden kanssa.', 'Hur verksamheten planeras tillsammans med klienterna.', 'How the activity is planned together with the clients.').optional(),
  content: d(z.string(), 'Toiminnan sisältö.', 'Verksamhetens innehåll.', 'Content of the activity.').optional(),
  resources: d(
    z.strictObject({
      staff: z.strictObject({ count: z.number().optional(), hoursPerWeek: z.number().optional() }).optional(),
      competences: z.array(z.string()).optional(),
      premises: z.string().optional(),
    }),
    'Resurssit: henkilöstö, osaaminen, tilat.', 'Resurser: personal, kompetens, lokaler.', 'Resources: staff, competences, premises.',
  ).optional(),
  activities: d(z.array(activity), 'Toiminnot.', 'Aktiviteter.', 'Activities.').optional(),
});

const staffRole = z.strictObject({
  title: z.string().optional(),
  count: z.number().int().nonnegative().optional(),
  qualification: z.string().optional(),
});

const staffing = z.strictObject({
  total: d(
    z.number().int().nonnegative(),
    'Työntekijöiden määrä yrittäjän lisäksi; 0, kun yrittäjä työskentelee yksin (henkilöstöä koskevat säännöt eivät silloin koske suunnitelmaa).',
    'Antal anställda utöver företagaren; 0 när företagaren arbetar ensam (regler om personalen gäller då inte planen).',
    'Number of employees besides the entrepreneur; 0 when the entrepreneur works alone (rules about staff then do not concern the plan).',
  ).optional(),
  roles: d(z.array(staffRole), 'Tehtävät ja määrät.', 'Befattningar och antal.', 'Roles and counts.').optional(),
  shiftPlanningBasis: d(z.string(), 'Miten työvuorot suunnitellaan asiakkaiden palvelutarpeen mukaan.', 'Hur arbetsskiftena planeras enligt klienternas servicebehov.', 'How shifts are planned by the clients\u2019 service needs.').optional(),
  sufficiencyMonitoring: d(
    z.strictObject({ method: z.string().optional(), every: interval().optional() }),
    'Henkilöstön riittävyyden seuranta (valvontalaki § 27).', 'Uppföljning av att personalen är tillräcklig (tillsynslagen § 27).', 'Monitoring whether staff are sufficient (valvontalaki § 27).',
  ).optional(),
  continuingEducation: d(z.string(), 'Täydennyskoulutus.', 'Fortbildning.', 'Continuing education.').optional(),
});

const feedbackEntry = z.strictObject({
  from: d(z.enum(['clients', 'relatives', 'staff']), 'Keneltä: clients | relatives | staff.', 'Från vem: clients | relatives | staff.', 'From whom: clients | relatives | staff.'),
  every: d(interval(), 'Kuinka usein palautetta kerätään.', 'Hur ofta respons samlas in.', 'How often feedback is collected.').optional(),
  lastCollected: d(isoDate(), 'Milloin palaute viimeksi kerättiin.', 'När respons senast samlades in.', 'When feedback was last collected.').optional(),
  // Added to v1: feedback asked at a point of every client's service (every session, the end of
  // each therapy period) is regular, but no interval says so (real one-person practices do this).
  collectedAt: d(
    z.enum(['every-visit', 'end-of-service-period']),
    'Milloin palautetta pyydetään: every-visit (jokaisella käynnillä) | end-of-service-period (jokaisen palvelu- tai terapiajakson lopussa).',
    'När respons begärs: every-visit (vid varje besök) | end-of-service-period (i slutet av varje service- eller terapiperiod).',
    'When feedback is asked: every-visit | end-of-service-period (at the end of every service or therapy period).',
  ).optional(),
});

const monitoringReport = z.strictObject({
  date: d(isoDate(), 'Selvityksen päivämäärä.', 'Redogörelsens datum.', 'Date of the report.').optional(),
  findings: d(z.array(z.string()), 'Havainnot.', 'Iakttagelser.', 'Findings.').optional(),
  changes: d(z.array(z.string()), 'Muutokset.', 'Ändringar.', 'Changes.').optional(),
});

const relatedPlan = z.strictObject({
  updated: isoDate().optional(),
  url: z.string().optional(),
});

/** Schema of `kind: SelfMonitoringPlan`. */
export const selfMonitoringPlanSchema = z.strictObject({
  ...documentHeader('SelfMonitoringPlan'),
  template: d(
    z.enum(['valvira-2024', 'valvira-2014', 'other']),
    'Minkä rakenteen mukaan suunnitelma on laadittu: valvira-2024 (Valviran määräys 2024) | valvira-2014 (Valviran vanha määräys 1/2014) | other.',
    'Vilken struktur planen följer: valvira-2024 (Valviras föreskrift 2024) | valvira-2014 (Valviras tidigare föreskrift 1/2014) | other.',
    'Which structure the plan follows: valvira-2024 (Valvira regulation of 2024) | valvira-2014 (the superseded Valvira regulation 1/2014) | other.',
  ).optional(),
  provider: d(
    z.strictObject({
      name: d(z.string(), 'Palveluntuottajan nimi.', 'Tjänsteproducentens namn.', 'Name of the service provider.').optional(),
      businessId: businessId().optional(),
      kind: d(
        z.enum(['private', 'public', 'ngo', 'sole-trader']),
        'private | public | ngo | sole-trader (yksityinen elinkeinonharjoittaja).',
        'private | public | ngo | sole-trader (enskild näringsidkare).',
        'private | public | ngo | sole-trader (a self-employed person trading in their own name).',
      ).optional(),
      // Added to v1: the provider's own phone, e-mail or address, as the 2024 model's basic data give them.
      contact: d(contact, 'Palveluntuottajan yhteystiedot.', 'Tjänsteproducentens kontaktuppgifter.', 'The provider\u2019s contact details.').optional(),
    }),
    'Palveluntuottaja.', 'Tjänsteproducent.', 'Service provider.',
  ).optional(),
  organiser: d(
    z.strictObject({
      name: z.string().optional(),
      kind: z.enum(['wellbeing-services-county', 'municipality', 'joint-municipal-authority', 'other']).optional(),
    }),
    'Palvelunjärjestäjä.', 'Anordnare.', 'Service organiser.',
  ).optional(),
  unit: d(
    z.strictObject({
      name: d(z.string(), 'Palveluyksikön nimi.', 'Tjänsteenhetens namn.', 'Name of the service unit.').optional(),
      address: d(z.string(), 'Käyntiosoite.', 'Besöksadress.', 'Street address.').optional(),
      // Added to v1: where the services are given. A unit that receives no one (home visits, video)
      // has no premises where the plan could be on public display.
      servedAt: d(
        z.array(z.enum(['premises', 'clients-homes', 'remote', 'other'])),
        'Missä palvelut annetaan: premises (yksikön tilat, joihin asiakkaat tulevat) | clients-homes (asiakkaan koti tai arkiympäristö) | remote (etäyhteys) | other.',
        'Var tjänsterna ges: premises (enhetens lokaler dit klienterna kommer) | clients-homes (klientens hem eller vardagsmiljö) | remote (på distans) | other.',
        'Where the services are given: premises (the unit\u2019s own, where clients come) | clients-homes (the client\u2019s home or everyday surroundings) | remote (by phone or video) | other.',
      ).optional(),
      // Added to v1: the unit's own phone or e-mail (its address is `address`).
      contact: d(contact, 'Palveluyksikön yhteystiedot.', 'Tjänsteenhetens kontaktuppgifter.', 'The service unit\u2019s contact details.').optional(),
      serviceTypes: d(
        z.array(z.enum(unitServiceTypes)),
        'Mitä palveluja yksikkö tuottaa: home-care | home-help | support-services | day-activity | work-activity | housing | personal-assistance | family-care | child-welfare | rehabilitation | health-care | other.',
        'Vilka tjänster enheten producerar: home-care | home-help | support-services | day-activity | work-activity | housing | personal-assistance | family-care | child-welfare | rehabilitation | health-care | other.',
        'What the unit provides: home-care | home-help | support-services | day-activity | work-activity | housing | personal-assistance | family-care | child-welfare | rehabilitation | health-care | other.',
      ).optional(),
      registration: d(
        z.string(),
        'Mitä suunnitelma kertoo yksikön rekisteröinnistä tai luvasta (esim. "rekisteröity Soteriin 2024").',
        'Vad planen säger om enhetens registrering eller tillstånd (t.ex. "registrerad i Soteri 2024").',
        'What the plan says about the unit\u2019s registration or licence (e.g. "registered in Soteri in 2024").',
      ).optional(),
      housingType: d(z.enum(housingTypes), 'Asumispalvelun muoto (SHL 21–21 c §).', 'Typ av boendetjänst (SvL 21–21 c §).', 'Housing service type (SHL 21–21 c §).').optional(),
      staffOnSite24h: d(z.boolean(), 'Onko henkilöstö paikalla ympäri vuorokauden.', 'Finns personal på plats dygnet runt.', 'Whether staff are on site around the clock.').optional(),
      // Added to v1: a new unit's first four-monthly monitoring report is not due before four months.
      operatingSince: d(
        isoDate(),
        'Päivä, jona palveluyksikkö aloitti toimintansa.',
        'Den dag då tjänsteenheten inledde sin verksamhet.',
        'The day the service unit began to operate.',
      ).optional(),
      tenure: d(z.enum(['lease', 'other']), 'Asukkaan asunnon hallintamuoto: lease | other.', 'Hur boende innehar bostaden: lease | other.', 'How residents hold their flat: lease | other.').optional(),
      premises: d(
        z.strictObject({ accessible: z.boolean().optional(), safety: z.string().optional(), privacy: z.string().optional() }),
        'Tilat: esteettömyys, turvallisuus, yksityisyys.', 'Lokaler: tillgänglighet, säkerhet, integritet.', 'Premises: accessibility, safety, privacy.',
      ).optional(),
    }),
    'Palveluyksikkö.', 'Tjänsteenhet.', 'Service unit.',
  ).optional(),
  operatingIdea: d(z.string(), 'Toiminta-ajatus.', 'Verksamhetsidé.', 'Operating idea.').optional(),
  principles: d(z.string(), 'Arvot ja toimintaperiaatteet.', 'Värderingar och verksamhetsprinciper.', 'Values and operating principles.').optional(),
  responsiblePersons: d(z.array(responsiblePerson), 'Vastuuhenkilöt (valvontalaki § 10).', 'Ansvarspersoner (tillsynslagen § 10).', 'Responsible persons (valvontalaki § 10).').optional(),
  clientGroups: d(z.array(clientGroup), 'Asiakasryhmät.', 'Klientgrupper.', 'Client groups.').optional(),
  specialNeeds: d(
    z.strictObject({ communicationSupport: z.string().optional() }),
    'Erityistarpeet, kuten kommunikoinnin tukeminen.', 'Särskilda behov, t.ex. stöd i kommunikationen.', 'Special needs such as communication support.',
  ).optional(),
  services: d(z.array(service), 'Palvelut (asumisesta erillään).', 'Tjänster (separat från boendet).', 'Services (separate from the housing).').optional(),
  coordination: d(z.string(), 'Vastuiden ja yhteistyön sopiminen tuottajien kesken.', 'Hur ansvar och samarbete mellan producenterna ordnas.', 'How responsibilities and co-operation between producers are arranged.').optional(),
  socialGuidance: d(
    z.strictObject({ documentedSeparately: z.boolean().optional() }),
    'Sosiaaliohjaus; kirjataan erikseen.', 'Social handledning; registreras separat.', 'Social guidance; recorded separately.',
  ).optional(),
  socialActivity: d(socialActivity, 'Sosiaalista kanssakäymistä edistävä toiminta (SHL 21 b §).', 'Verksamhet som främjar socialt umgänge (SvL 21 b §).', 'Activity that promotes social interaction (SHL 21 b §).').optional(),
  staffing: d(staffing, 'Henkilöstö.', 'Personal.', 'Staffing.').optional(),
  adverseEvents: d(
    z.strictObject({ reportingSystem: z.string().optional(), learning: z.string().optional() }),
    'Vaaratapahtumien ilmoitus- ja oppimismenettely.', 'Förfarandet för anmälan av farliga situationer och lärdomar.', 'Adverse-event reporting and learning.',
  ).optional(),
  reportingDuty: d(
    z.strictObject({ recipient: z.string().optional(), escalation: z.string().optional(), nonRetaliation: z.boolean().optional() }),
    'Henkilöstön ilmoitusvelvollisuus (valvontalaki §§ 29–30).', 'Personalens anmälningsskyldighet (tillsynslagen §§ 29–30).', 'Staff duty to report (valvontalaki §§ 29–30).',
  ).optional(),
  feedback: d(z.array(feedbackEntry), 'Säännöllisesti kerättävä palaute (valvontalaki § 27).', 'Respons som samlas in regelbundet (tillsynslagen § 27).', 'Regularly collected feedback (valvontalaki § 27).').optional(),
  clientRights: d(
    z.strictObject({
      complaints: d(z.string(), 'Muistutuksen tekeminen ja käsittely.', 'Hur en anmärkning görs och behandlas.', 'How a complaint (muistutus) is made and handled.').optional(),
      ombudsman: d(z.string(), 'Sosiaali- tai potilasasiavastaava ja yhteystiedot.', 'Socialombudsman eller patientombudsman och kontaktuppgifter.', 'The social welfare or patient ombudsman and contact details.').optional(),
      treatment: d(z.string(), 'Asiakkaan kohtelu ja epäasiallisen kohtelun käsittely.', 'Bemötande av klienten och hur osakligt bemötande behandlas.', 'Treatment of clients and how inappropriate treatment is handled.').optional(),
      selfDetermination: d(z.string(), 'Itsemääräämisoikeuden tukeminen ja rajoitustoimenpiteet.', 'Stöd för självbestämmanderätten och begränsningsåtgärder.', 'Supporting self-determination; restrictive measures.').optional(),
    }),
    'Asiakkaan asema ja oikeudet.', 'Klientens ställning och rättigheter.', 'The client\u2019s position and rights.',
  ).optional(),
  riskManagement: d(
    z.strictObject({
      keyRisks: d(z.array(z.string()), 'Keskeiset riskit.', 'Centrala risker.', 'Key risks.').optional(),
      assessment: d(z.string(), 'Miten riskit tunnistetaan ja arvioidaan.', 'Hur risker identifieras och bedöms.', 'How risks are identified and assessed.').optional(),
      followUp: d(z.string(), 'Korjaavat toimenpiteet ja niiden seuranta.', 'Korrigerande åtgärder och uppföljningen av dem.', 'Corrective actions and their follow-up.').optional(),
    }),
    'Riskienhallinta.', 'Riskhantering.', 'Risk management.',
  ).optional(),
  subcontracting: d(
    z.strictObject({
      used: d(z.boolean(), 'Käytetäänkö ostopalveluja tai alihankintaa.', 'Om köpta tjänster eller underleverantörer används.', 'Whether purchased or subcontracted services are used.').optional(),
      services: d(z.array(z.string()), 'Ostetut tai alihankitut palvelut.', 'Köpta eller underleverantörers tjänster.', 'Purchased or subcontracted services.').optional(),
      qualityAssurance: d(z.string(), 'Miten niiden laatu ja turvallisuus varmistetaan.', 'Hur deras kvalitet och säkerhet säkerställs.', 'How their quality and safety are ensured.').optional(),
    }),
    'Ostopalvelut ja alihankinta.', 'Köpta tjänster och underleverantörer.', 'Purchased and subcontracted services.',
  ).optional(),
  clientData: d(
    z.strictObject({
      handling: d(z.string(), 'Asiakastietojen käsittely ja tietosuoja.', 'Behandling av klientuppgifter och dataskydd.', 'Handling of client data and data protection.').optional(),
      dataProtectionContact: d(z.string(), 'Tietosuojavastaava tai tietosuoja-asioiden yhteyshenkilö.', 'Dataskyddsombud eller kontaktperson i dataskyddsfrågor.', 'Data protection officer or contact person.').optional(),
    }),
    'Asiakastietojen käsittely.', 'Behandling av klientuppgifter.', 'Client data.',
  ).optional(),
  equipment: d(z.string(), 'Laitteet, tarvikkeet, tietojärjestelmät ja teknologia.', 'Anordningar, förnödenheter, informationssystem och teknik.', 'Devices, supplies, information systems and technology.').optional(),
  authorityGuidance: d(z.string(), 'Valvontaviranomaisten ohjaus ja päätökset.', 'Tillsynsmyndigheternas styrning och beslut.', 'Guidance and decisions of supervisory authorities.').optional(),
  publication: d(
    z.strictObject({ url: z.string().optional(), displayedInUnit: z.boolean().optional() }),
    'Julkaiseminen ja nähtävillä pitäminen.', 'Offentliggörande och framläggande.', 'Publication and display in the unit.',
  ).optional(),
  monitoringReports: d(z.array(monitoringReport), 'Seurantaselvitykset neljän kuukauden välein.', 'Redogörelser med fyra månaders mellanrum.', 'Monitoring reports every four months.').optional(),
  individualPlans: d(
    z.strictObject({ reviewEvery: interval().optional(), reviewWhenNeeded: z.boolean().optional() }),
    'Asiakassuunnitelmien tarkistaminen.', 'Översyn av klientplaner.', 'Review of client plans.',
  ).optional(),
  documentation,
  relatedPlans: d(
    z.strictObject({
      medicationPlan: relatedPlan.optional(),
      dataSecurityPlan: relatedPlan.optional(),
      preparednessPlan: relatedPlan.optional(),
    }),
    'Muut suunnitelmat (valvontalaki § 16).', 'Andra planer (tillsynslagen § 16).', 'Related plans (valvontalaki § 16).',
  ).optional(),
  importedText,
});

export type SelfMonitoringPlan = z.infer<typeof selfMonitoringPlanSchema>;
