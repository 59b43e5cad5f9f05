/**
 * The extension's own runtime strings (status bar, progress, notifications) in Finnish, Swedish
 * and English, chosen by the resolved `laatuvahti.locale` so that they speak the same language as
 * the findings. Static manifest strings (command titles, setting descriptions) live in
 * package.nls*.json and follow VS Code's display language.
 */
import type { UiLocale } from './resolve-locale.js';

/** Finding counts of one file or of the whole workspace. */
export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

/** Every runtime string, as functions of their data. */
export interface UiMessages {
  /** "2 errors, 1 warning" (plus notes only when there are some). */
  counts(c: Counts): string;
  noFindings: string;
  /** A plan the configs' `ignores` leave out. */
  notChecked: string;
  checking: string;
  statusTooltip(file: string): string;
  checkingPlans: string;
  progress(done: number, total: number): string;
  checkDone(plans: number, c: Counts): string;
  /** Appended to checkDone when the configs' `ignores` left plans out. */
  plansIgnored(n: number): string;
  noPlans: string;
  noFolder: string;
  showProblems: string;
  serverNotRunning: string;
  serverRestarted: string;
  pickRule: string;
  pickFinding: string;
  noDocumentation(ruleId: string): string;
  notAPlan(file: string): string;
  reporting: string;
  workspaceReportName: string;
  commandFailed(reason: string): string;
  importFilter: string;
  importOpenLabel: string;
  importing(file: string): string;
  importNotFile: string;
  draftExists(file: string): string;
  replace: string;
  imported(file: string, s: ImportSummary): string;
}

/** What an import made, for its notification. */
export interface ImportSummary {
  paragraphs: { mapped: number; kept: number };
  guesses: number;
  personalIdsMasked: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const en: UiMessages = {
  counts: (c) => [plural(c.errors, 'error', 'errors'), plural(c.warnings, 'warning', 'warnings'), ...(c.infos ? [plural(c.infos, 'note', 'notes')] : [])].join(', '),
  noFindings: 'checked: no findings',
  notChecked: 'not checked (ignores)',
  checking: 'checking…',
  statusTooltip: (file) => `Laatuvahti: ${file}. Click to open the Problems panel.`,
  checkingPlans: 'Laatuvahti: checking plans',
  progress: (done, total) => `${done}/${total} files`,
  checkDone: (plans, c) => `Laatuvahti checked ${plural(plans, 'plan', 'plans')}: ${en.counts(c)}.`,
  plansIgnored: (n) => ` ${plural(n, 'plan was', 'plans were')} not checked: the config's ignores leave ${n === 1 ? 'it' : 'them'} out.`,
  noPlans: 'Laatuvahti found no plan files (apiVersion: laatuvahti/v1) in the workspace.',
  noFolder: 'Open a folder to check the plans in it.',
  showProblems: 'Show Problems',
  serverNotRunning: 'The Laatuvahti language server is not running.',
  serverRestarted: 'The Laatuvahti language server was restarted.',
  pickRule: 'Pick a rule to show its documentation',
  pickFinding: 'Several findings here: pick one',
  noDocumentation: (id) => `Rule ${id} has no documentation.`,
  reporting: 'Laatuvahti: making the compliance report',
  workspaceReportName: 'workspace',
  notAPlan: (file) => `${file} is not a Laatuvahti plan (apiVersion: laatuvahti/v1): there is no compliance report for it.`,
  commandFailed: (reason) => `Laatuvahti: the command failed (${reason}). See the Laatuvahti output channel for details.`,
  importFilter: 'Plan (Word, Markdown, text)',
  importOpenLabel: 'Import',
  importing: (file) => `Laatuvahti: importing ${file}`,
  importNotFile: 'Laatuvahti imports plans saved as files (.docx, .md or .txt) on this computer.',
  draftExists: (file) => `${file} already exists. Replace it with the new draft?`,
  replace: 'Replace',
  imported: (file, s) =>
    `Laatuvahti wrote the draft ${file}: ${s.paragraphs.mapped} of ${s.paragraphs.mapped + s.paragraphs.kept} paragraphs went to keys, ${plural(s.paragraphs.kept, 'paragraph is', 'paragraphs are')} kept under importedText; confirm the ${plural(s.guesses, 'value', 'values')} marked "# check".` +
    (s.personalIdsMasked ? ` ${plural(s.personalIdsMasked, 'personal identity code was', 'personal identity codes were')} masked.` : ''),
};

const fi: UiMessages = {
  counts: (c) => [plural(c.errors, 'virhe', 'virhettä'), plural(c.warnings, 'varoitus', 'varoitusta'), ...(c.infos ? [plural(c.infos, 'huomautus', 'huomautusta')] : [])].join(', '),
  noFindings: 'tarkistettu: ei havaintoja',
  notChecked: 'ei tarkisteta (ignores)',
  checking: 'tarkistetaan…',
  statusTooltip: (file) => `Laatuvahti: ${file}. Avaa Ongelmat-paneeli napsauttamalla.`,
  checkingPlans: 'Laatuvahti: suunnitelmia tarkistetaan',
  progress: (done, total) => `${done}/${total} tiedostoa`,
  checkDone: (plans, c) => `Laatuvahti tarkisti ${plural(plans, 'suunnitelman', 'suunnitelmaa')}: ${fi.counts(c)}.`,
  plansIgnored: (n) => ` ${plural(n, 'suunnitelma', 'suunnitelmaa')} jäi tarkistamatta: asetustiedoston ignores jättää ${n === 1 ? 'sen' : 'ne'} pois.`,
  noPlans: 'Laatuvahti ei löytänyt työtilasta suunnitelmatiedostoja (apiVersion: laatuvahti/v1).',
  noFolder: 'Avaa kansio, niin sen suunnitelmat voidaan tarkistaa.',
  showProblems: 'Näytä ongelmat',
  serverNotRunning: 'Laatuvahdin kielipalvelin ei ole käynnissä.',
  serverRestarted: 'Laatuvahdin kielipalvelin käynnistettiin uudelleen.',
  pickRule: 'Valitse sääntö, jonka ohje näytetään',
  pickFinding: 'Tässä kohdassa on useita havaintoja: valitse yksi',
  noDocumentation: (id) => `Säännölle ${id} ei ole ohjetta.`,
  reporting: 'Laatuvahti: tarkistusraporttia laaditaan',
  workspaceReportName: 'työtila',
  notAPlan: (file) => `${file} ei ole Laatuvahdin suunnitelma (apiVersion: laatuvahti/v1), joten sille ei ole tarkistusraporttia.`,
  commandFailed: (reason) => `Laatuvahti: komento epäonnistui (${reason}). Lisätietoja on Laatuvahti-tulostekanavalla.`,
  importFilter: 'Suunnitelma (Word, Markdown, teksti)',
  importOpenLabel: 'Tuo',
  importing: (file) => `Laatuvahti: tuodaan ${file}`,
  importNotFile: 'Laatuvahti tuo suunnitelmia, jotka on tallennettu tiedostoiksi (.docx, .md tai .txt) tälle koneelle.',
  draftExists: (file) => `${file} on jo olemassa. Korvataanko se uudella luonnoksella?`,
  replace: 'Korvaa',
  imported: (file, s) =>
    `Laatuvahti kirjoitti luonnoksen ${file}: ${s.paragraphs.mapped}/${s.paragraphs.mapped + s.paragraphs.kept} kappaletta sijoitettiin avaimiin, ${s.paragraphs.kept} jäi kohtaan importedText; tarkista ${plural(s.guesses, 'arvo', 'arvoa')}, joilla on merkintä "# tarkista".` +
    (s.personalIdsMasked ? ` Henkilötunnuksia peitettiin: ${s.personalIdsMasked}.` : ''),
};

const sv: UiMessages = {
  counts: (c) => [plural(c.errors, 'fel', 'fel'), plural(c.warnings, 'varning', 'varningar'), ...(c.infos ? [plural(c.infos, 'anmärkning', 'anmärkningar')] : [])].join(', '),
  noFindings: 'kontrollerad: inga fynd',
  notChecked: 'kontrolleras inte (ignores)',
  checking: 'kontrollerar…',
  statusTooltip: (file) => `Laatuvahti: ${file}. Klicka för att öppna panelen Problem.`,
  checkingPlans: 'Laatuvahti: planerna kontrolleras',
  progress: (done, total) => `${done}/${total} filer`,
  checkDone: (plans, c) => `Laatuvahti kontrollerade ${plural(plans, 'plan', 'planer')}: ${sv.counts(c)}.`,
  plansIgnored: (n) => ` ${plural(n, 'plan', 'planer')} kontrollerades inte: konfigurationens ignores utesluter ${n === 1 ? 'den' : 'dem'}.`,
  noPlans: 'Laatuvahti hittade inga planfiler (apiVersion: laatuvahti/v1) i arbetsytan.',
  noFolder: 'Öppna en mapp för att kontrollera planerna i den.',
  showProblems: 'Visa problem',
  serverNotRunning: 'Laatuvahtis språkserver körs inte.',
  serverRestarted: 'Laatuvahtis språkserver startades om.',
  pickRule: 'Välj en regel för att visa dess dokumentation',
  pickFinding: 'Flera fynd här: välj ett',
  noDocumentation: (id) => `Regeln ${id} har ingen dokumentation.`,
  reporting: 'Laatuvahti: kontrollrapporten sammanställs',
  workspaceReportName: 'arbetsyta',
  notAPlan: (file) => `${file} är inte en Laatuvahti-plan (apiVersion: laatuvahti/v1), så det finns ingen kontrollrapport för den.`,
  commandFailed: (reason) => `Laatuvahti: kommandot misslyckades (${reason}). Mer information finns i utdatakanalen Laatuvahti.`,
  importFilter: 'Plan (Word, Markdown, text)',
  importOpenLabel: 'Importera',
  importing: (file) => `Laatuvahti: ${file} importeras`,
  importNotFile: 'Laatuvahti importerar planer som sparats som filer (.docx, .md eller .txt) på den här datorn.',
  draftExists: (file) => `${file} finns redan. Ska den ersättas med det nya utkastet?`,
  replace: 'Ersätt',
  imported: (file, s) =>
    `Laatuvahti skrev utkastet ${file}: ${s.paragraphs.mapped} av ${s.paragraphs.mapped + s.paragraphs.kept} stycken placerades under nycklar, ${s.paragraphs.kept} finns kvar under importedText; kontrollera ${plural(s.guesses, 'värdet', 'värden')} som är märkta "# kontrollera".` +
    (s.personalIdsMasked ? ` Personbeteckningar maskerades: ${s.personalIdsMasked}.` : ''),
};

const BY_LOCALE: Record<UiLocale, UiMessages> = { fi, sv, en };

/** The runtime strings in the given language. */
export function uiMessages(locale: UiLocale): UiMessages {
  return BY_LOCALE[locale];
}
