// Benchmark corpus: a realistic self-monitoring plan (the shape of plan-format.md's compliant
// example) grown to about `lines` lines by adding services, client groups, activities, staff roles
// and monitoring reports, the lists that grow in real plans. Deterministic for a given seed.

const HEAD = `apiVersion: laatuvahti/v1
kind: SelfMonitoringPlan
language: fi
updated: 2026-09-15
provider:
  name: Esimerkkihoiva Oy
  businessId: 1234567-1
  kind: private
organiser:
  name: Etelä-Savon hyvinvointialue
  kind: wellbeing-services-county
unit:
  name: Kotikallion yhteisöasunnot
  address: Esimerkkitie 1, 50100 Mikkeli
  housingType: community-housing
  staffOnSite24h: false
  tenure: lease
  premises:
    accessible: true
    safety: Sprinklers, evacuation plan updated 2026-03.
    privacy: Own flat with own bathroom for every resident.
responsiblePersons:
  - id: vastaava
    name: Maija Esimerkki
    title: Vastaava ohjaaja
    areas: [community-housing, social-activity]
    education: sosionomi (AMK)
    contact: { phone: "+358 40 123 4567", email: maija.esimerkki@example.fi }
specialNeeds:
  communicationSupport: Selkokieli ja kuvakommunikaatio; tulkkipalvelu tarvittaessa.
coordination: >-
  Hyvinvointialue ja tuottajat sopivat vastuista yhteistyösopimuksessa; tapaaminen kuukausittain.
socialGuidance:
  documentedSeparately: true
adverseEvents:
  reportingSystem: HaiPro
  learning: Ilmoitukset käsitellään kuukausittain tiimipalaverissa.
reportingDuty:
  recipient: Vastaava ohjaaja
  escalation: Aluehallintovirasto tai Valvira, jos epäkohtaa ei korjata.
  nonRetaliation: true
feedback:
  - { from: clients, every: year, lastCollected: 2026-03-01 }
  - { from: relatives, every: year, lastCollected: 2026-03-01 }
  - { from: staff, every: 6 months, lastCollected: 2026-06-01 }
authorityGuidance: Valviran ohje yhteisöllisestä asumisesta huomioitu 2026-02.
publication:
  url: https://example.fi/omavalvonta
  displayedInUnit: true
individualPlans:
  reviewEvery: 6 months
  reviewWhenNeeded: true
documentation:
  clientRecords: Life Care
  incidentReporting: HaiPro
relatedPlans:
  medicationPlan: { updated: 2026-01-10 }
  dataSecurityPlan: { updated: 2026-02-01 }
  preparednessPlan: { updated: 2025-11-20 }
`;

const INTERVALS = ['week', '2 weeks', 'month', 'week', '2 months'];

// Real plans are mostly prose: each list item carries a few lines of free text, as the plan
// format's own example does. Items are sized accordingly (about 8-16 lines each).
const PROSE = [
  'Toiminta suunnitellaan yhdessä asukkaiden kanssa asukaskokouksessa,',
  'ja toiveet kirjataan asukkaan asiakassuunnitelmaan. Toteutumista seurataan',
  'kuukausittain tiimipalaverissa ja muutokset päivitetään tähän suunnitelmaan.',
  'Omaisille kerrotaan muutoksista omaisteniltoina ja sähköpostilla.',
];

function prose(indent, lines) {
  let out = '';
  for (let i = 0; i < lines; i++) out += `${indent}${PROSE[i % PROSE.length]}\n`;
  return out;
}

function clientGroup(i) {
  return `  - id: ryhma-${i}
    name: Asiakasryhmä ${i}
    needs: [home-care, support-services]
    goals:
      - Kotona asumisen tukeminen
      - Arjen taitojen ylläpitäminen
    serviceAmount: >-
${prose('      ', 3)}    rehabilitation: none
`;
}

function service(i) {
  return `  - id: palvelu-${i}
    name: Kotihoito ${i}
    type: home-care
    separateFromHousing: true
    producer:
      name: Kotihoito Esimerkki ${i} Oy
      businessId: 7654321-2
      kind: external-private
    clientGroups: [ryhma-${i}]
    goals:
      - Päivittäisistä toiminnoista selviytyminen
      - Turvallinen asuminen
    content: >-
${prose('      ', 4)}    amount: >-
${prose('      ', 2)}`;
}

function activity(i) {
  return `    - name: Toiminta ${i}
      goals:
        - Sosiaalisten suhteiden ylläpitäminen
        - Liikkumiskyvyn tukeminen
      promotes: [wellbeing, social-relationships]
      every: ${INTERVALS[i % INTERVALS.length]}
      location: ${i % 3 === 0 ? 'outside-unit' : 'in-unit'}
      basedOn: >-
${prose('        ', 3)}`;
}

function role(i) {
  return `    - { title: lähihoitaja ${i}, count: 1, qualification: lähihoitaja }\n`;
}

function report(i, n) {
  // Every three months, the latest in September 2026, in date order.
  const monthsBack = 3 * (n - 1 - i);
  const total = 2026 * 12 + 8 - monthsBack;
  const date = `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-05`;
  return `  - date: ${date}
    findings:
      - Havainto ${i} – yöhoitajan puuttuminen kahdesti.
      - Toivekyselyn vastausprosentti matala.
      - Lääkehoidon kirjaamisessa puutteita.
    changes:
      - Varahenkilölista päivitetty.
      - Kysely myös selkokielellä.
      - Kirjaamiskoulutus järjestetty.
`;
}

/** A plan of about `lines` lines; a small share of items break a rule, as real plans do. */
export function generatePlan(lines) {
  return generatePlanWithCounts(lines).text;
}

/** The plan and how many items of each list it holds (printed by the bench). */
export function generatePlanWithCounts(lines) {
  // Shares of the lines each growing list takes.
  const budget = Math.max(0, lines - 70);
  const n = {
    groups: Math.max(1, Math.round((budget * 0.1) / 10)),
    services: Math.max(1, Math.round((budget * 0.35) / 19)),
    activities: Math.max(1, Math.round((budget * 0.3) / 12)),
    roles: Math.max(1, Math.round((budget * 0.03) / 1)),
    reports: Math.max(1, Math.round((budget * 0.22) / 9)),
  };
  let out = HEAD;
  out += 'clientGroups:\n';
  for (let i = 0; i < n.groups; i++) out += clientGroup(i);
  out += 'services:\n';
  for (let i = 0; i < n.services; i++) out += service(i);
  out += `socialActivity:
  organiser: Etelä-Savon hyvinvointialue
  implementer: { name: Mikkelin Seniorit ry, kind: ngo }
  responsiblePerson: vastaava
  clientParticipation: Asukaskokous kuukausittain ja toivekysely keväisin.
  content: Viikoittaiset ryhmät, retket ja juhlat asukkaiden toiveiden mukaan.
  resources:
    staff: { count: 2, hoursPerWeek: 10 }
    competences: [Ryhmänohjaus, Muistisairaan kohtaaminen]
    premises: Yhteistila 60 m²
  activities:
`;
  for (let i = 0; i < n.activities; i++) out += activity(i);
  out += `staffing:
  total: ${n.roles}
  roles:
`;
  for (let i = 0; i < n.roles; i++) out += role(i);
  out += `  shiftPlanningBasis: Vuorot suunnitellaan asiakkaiden palvelutarpeen mukaan.
  sufficiencyMonitoring: { method: Viikoittainen mitoitusseuranta, every: week }
  continuingEducation: Vähintään 3 koulutuspäivää vuodessa.
monitoringReports:
`;
  for (let i = 0; i < n.reports; i++) out += report(i, n.reports);
  return { text: out, counts: n };
}
