/**
 * Messages of the diagnostics the engine itself produces (syntax, schema, rule loading,
 * suppressions), in fi / sv / en. Rule messages live in the rule files.
 */
import type { Locale, Severity } from '../types.js';

type Texts = Record<Locale, string>;

export const BUILTIN_RULES = ['yaml-syntax', 'schema-type', 'schema-unknown-key', 'rule-load', 'suppression-invalid'] as const;
export type BuiltinRuleId = (typeof BUILTIN_RULES)[number];

/** Default severities of the built-in rules. */
export const BUILTIN_SEVERITIES: Record<BuiltinRuleId, Severity> = {
  'yaml-syntax': 'error',
  'schema-type': 'error',
  'schema-unknown-key': 'warning',
  'rule-load': 'error',
  'suppression-invalid': 'warning',
};

/** Titles of the built-in rules, for rule listings. */
export const BUILTIN_TITLES: Record<BuiltinRuleId, Texts> = {
  'yaml-syntax': { fi: 'YAML-syntaksivirhe', sv: 'YAML-syntaxfel', en: 'YAML syntax error' },
  'schema-type': { fi: 'Väärä tyyppi tai arvo', sv: 'Fel typ eller värde', en: 'Wrong type or value' },
  'schema-unknown-key': { fi: 'Tuntematon avain', sv: 'Okänd nyckel', en: 'Unknown key' },
  'rule-load': { fi: 'Virheellinen sääntö- tai asetustiedosto', sv: 'Ogiltig regel- eller konfigurationsfil', en: 'Invalid rule or config file' },
  'suppression-invalid': { fi: 'Virheellinen poikkeuskommentti', sv: 'Ogiltig undantagskommentar', en: 'Invalid suppression comment' },
};

export const BUILTIN_MESSAGES: Record<string, Texts> = {
  syntax: {
    fi: 'YAML-syntaksivirhe: {{detail}}',
    sv: 'YAML-syntaxfel: {{detail}}',
    en: 'YAML syntax error: {{detail}}',
  },
  notUtf8: {
    fi: 'Tiedoston merkkejä ei voitu lukea ({{count}} kpl, näkyvät merkkinä �, ensimmäinen tässä): tiedosto on luultavasti tallennettu muulla merkistökoodauksella kuin UTF-8 (esim. Windows-1252), jolloin esimerkiksi ä- ja ö-kirjaimet katoavat. Tallenna tiedosto UTF-8-muodossa.',
    sv: 'Tecken i filen kunde inte läsas ({{count}} st., visas som �, det första här): filen har troligen sparats med en annan teckenkodning än UTF-8 (t.ex. Windows-1252), och då försvinner till exempel å, ä och ö. Spara filen som UTF-8.',
    en: 'Characters in the file could not be read ({{count}} shown as �, the first here): the file was probably saved in another encoding than UTF-8 (e.g. Windows-1252), which loses letters such as ä and ö. Save it as UTF-8.',
  },
  tooManyAliases: {
    fi: 'Asiakirjassa on liikaa viittauksia (alias) – se voisi paisua hallitsemattomasti, joten sitä ei tarkistettu.',
    sv: 'Dokumentet har för många alias – det kunde växa okontrollerat och kontrollerades därför inte.',
    en: 'The document uses too many aliases (it could expand without bound), so it was not checked.',
  },
  moreShapeFindings: {
    fi: 'Rakenteessa on vielä {{count}} muuta virhettä tai tuntematonta avainta, joita ei näytetä: vain {{shown}} ensimmäistä näytetään. Korjaa nämä ja tarkista uudelleen.',
    sv: 'Strukturen har ytterligare {{count}} fel eller okända nycklar som inte visas: endast de {{shown}} första visas. Rätta dessa och kontrollera igen.',
    en: '{{count}} more wrong values or unknown keys are not shown: only the first {{shown}} are. Correct these and check again.',
  },
  emptyDocument: {
    fi: 'Tiedosto on tyhjä: suunnitelma alkaa riveillä "apiVersion: laatuvahti/v1" ja "kind: …".',
    sv: 'Filen är tom: en plan börjar med raderna "apiVersion: laatuvahti/v1" och "kind: …".',
    en: 'The file is empty: a plan starts with "apiVersion: laatuvahti/v1" and "kind: …".',
  },
  notMapping: {
    fi: 'Asiakirjan ylin taso pitää olla avain–arvo-rakenne (apiVersion, kind, …), nyt se on {{actual}}.',
    sv: 'Dokumentets översta nivå ska vara en mappning med nycklar (apiVersion, kind, …), nu är den {{actual}}.',
    en: 'The top level of the document must be a mapping of keys (apiVersion, kind, …); it is {{actual}}.',
  },
  missingApiVersion: {
    fi: 'Avain "apiVersion" puuttuu (odotettu: laatuvahti/v1).',
    sv: 'Nyckeln "apiVersion" saknas (förväntat: laatuvahti/v1).',
    en: 'The key "apiVersion" is missing (expected: laatuvahti/v1).',
  },
  unknownApiVersion: {
    fi: 'Tuntematon versio "{{value}}". Tarkoititko "{{suggestion}}"?',
    sv: 'Okänd version "{{value}}". Menade du "{{suggestion}}"?',
    en: 'Unknown version "{{value}}". Did you mean "{{suggestion}}"?',
  },
  missingKind: {
    fi: 'Avain "kind" puuttuu: {{allowed}}.',
    sv: 'Nyckeln "kind" saknas: {{allowed}}.',
    en: 'The key "kind" is missing: {{allowed}}.',
  },
  unknownKind: {
    fi: 'Tuntematon asiakirjan laji "{{value}}". Tarkoititko "{{suggestion}}"?',
    sv: 'Okänd dokumenttyp "{{value}}". Menade du "{{suggestion}}"?',
    en: 'Unknown kind "{{value}}". Did you mean "{{suggestion}}"?',
  },
  wrongType: {
    fi: '"{{key}}": odotettiin {{expected}}, mutta arvo on {{actual}}.',
    sv: '"{{key}}": förväntade {{expected}}, men värdet är {{actual}}.',
    en: '"{{key}}": expected {{expected}}, but the value is {{actual}}.',
  },
  requiredKey: {
    fi: 'Kohdasta "{{parent}}" puuttuu pakollinen avain "{{key}}".',
    sv: 'Den obligatoriska nyckeln "{{key}}" saknas i "{{parent}}".',
    en: 'The required key "{{key}}" is missing from "{{parent}}".',
  },
  badEnum: {
    fi: '"{{key}}": "{{value}}" ei ole sallittu arvo ({{allowed}}).',
    sv: '"{{key}}": "{{value}}" är inte ett tillåtet värde ({{allowed}}).',
    en: '"{{key}}": "{{value}}" is not an allowed value ({{allowed}}).',
  },
  badEnumSuggest: {
    fi: '"{{key}}": "{{value}}" ei ole sallittu arvo. Tarkoititko "{{suggestion}}"?',
    sv: '"{{key}}": "{{value}}" är inte ett tillåtet värde. Menade du "{{suggestion}}"?',
    en: '"{{key}}": "{{value}}" is not an allowed value. Did you mean "{{suggestion}}"?',
  },
  badDate: {
    fi: '"{{key}}": "{{value}}" ei ole päivämäärä muodossa VVVV-KK-PP.',
    sv: '"{{key}}": "{{value}}" är inte ett datum i formen ÅÅÅÅ-MM-DD.',
    en: '"{{key}}": "{{value}}" is not a date of the form YYYY-MM-DD.',
  },
  badDocumentDate: {
    fi: '"{{key}}": "{{value}}" ei ole päivämäärä. Käytä muotoa VVVV-KK-PP, tai VVVV-KK tai VVVV, jos asiakirjassa ei ole päivää.',
    sv: '"{{key}}": "{{value}}" är inget datum. Använd formen ÅÅÅÅ-MM-DD, eller ÅÅÅÅ-MM eller ÅÅÅÅ om dokumentet inte anger dagen.',
    en: '"{{key}}": "{{value}}" is not a date. Use YYYY-MM-DD, or YYYY-MM or YYYY where the document gives no day.',
  },
  badInterval: {
    fi: '"{{key}}": "{{value}}" ei ole aikaväli. Käytä muotoa "week", "2 weeks", "6 months" tai "year".',
    sv: '"{{key}}": "{{value}}" är inget intervall. Använd formen "week", "2 weeks", "6 months" eller "year".',
    en: '"{{key}}": "{{value}}" is not an interval. Use "week", "2 weeks", "6 months" or "year".',
  },
  badTimeRange: {
    fi: '"{{key}}": "{{value}}" ei ole kellonaikaväli muodossa "HH:MM-HH:MM".',
    sv: '"{{key}}": "{{value}}" är inget tidsintervall i formen "HH:MM-HH:MM".',
    en: '"{{key}}": "{{value}}" is not a time range of the form "HH:MM-HH:MM".',
  },
  badValue: {
    fi: '"{{key}}": virheellinen arvo ({{detail}}).',
    sv: '"{{key}}": ogiltigt värde ({{detail}}).',
    en: '"{{key}}": invalid value ({{detail}}).',
  },
  unknownKey: {
    fi: 'Tuntematon avain "{{key}}".',
    sv: 'Okänd nyckel "{{key}}".',
    en: 'Unknown key "{{key}}".',
  },
  unknownKeySuggest: {
    fi: 'Tuntematon avain "{{key}}". Tarkoititko "{{suggestion}}"?',
    sv: 'Okänd nyckel "{{key}}". Menade du "{{suggestion}}"?',
    en: 'Unknown key "{{key}}". Did you mean "{{suggestion}}"?',
  },
  mergeKey: {
    fi: 'Yhdistämisavaimia ("<<") ei tueta: kirjoita avaimet tähän kokonaan. Laatuvahti lukee suunnitelman sellaisenaan, joten muualta yhdistettäviä avaimia ei oteta huomioon.',
    sv: 'Sammanslagningsnycklar ("<<") stöds inte: skriv ut nycklarna här i sin helhet. Laatuvahti läser planen som den är skriven, så nycklar som slås samman från annat håll beaktas inte.',
    en: 'Merge keys ("<<") are not supported: write the keys out here in full. Laatuvahti reads the plan as written, so keys merged in from elsewhere are not taken into account.',
  },
  ruleFileInvalid: {
    fi: 'Virheellinen tiedosto: {{detail}}',
    sv: 'Ogiltig fil: {{detail}}',
    en: 'Invalid file: {{detail}}',
  },
  suppressionNoReason: {
    fi: 'Poikkeuskommentista puuttuu perustelu: kirjoita se "--"-merkkien jälkeen.',
    sv: 'Undantagskommentaren saknar motivering: skriv den efter "--".',
    en: 'The suppression has no reason: write it after "--".',
  },
  suppressionUnknownRule: {
    fi: 'Poikkeuskommentti nimeää tuntemattoman säännön "{{rule}}".',
    sv: 'Undantagskommentaren nämner en okänd regel "{{rule}}".',
    en: 'The suppression names an unknown rule "{{rule}}".',
  },
  suppressionUnknownRuleSuggest: {
    fi: 'Poikkeuskommentti nimeää tuntemattoman säännön "{{rule}}". Tarkoititko "{{suggestion}}"?',
    sv: 'Undantagskommentaren nämner en okänd regel "{{rule}}". Menade du "{{suggestion}}"?',
    en: 'The suppression names an unknown rule "{{rule}}". Did you mean "{{suggestion}}"?',
  },
  checkIncomplete: {
    fi: 'Tarkistus pysäytettiin {{ms}} ms:n aikarajaan: osa säännöistä jäi arvioimatta, joten havaintoja voi puuttua. Komentorivin tarkistus (laatuvahti check) arvioi aina kaikki säännöt.',
    sv: 'Kontrollen stoppades vid tidsgränsen {{ms}} ms: en del regler hann inte utvärderas, så fynd kan saknas. Kontrollen på kommandoraden (laatuvahti check) utvärderar alltid alla regler.',
    en: 'Checking stopped at its time limit of {{ms}} ms: some rules were not evaluated, so findings may be missing. The command-line check (laatuvahti check) always evaluates every rule.',
  },
  suppressionUnused: {
    fi: 'Poikkeuskommentti ei vaienna mitään: seuraavalla rivillä ei ole säännön "{{rule}}" havaintoa.',
    sv: 'Undantagskommentaren tystar ingenting: nästa rad har inget fynd för regeln "{{rule}}".',
    en: 'The suppression silences nothing: the next line has no finding of "{{rule}}".',
  },
  suppressionExpired: {
    fi: 'Poikkeus säännölle "{{rule}}" päättyi {{until}}; havainto näytetään taas.',
    sv: 'Undantaget för regeln "{{rule}}" gick ut {{until}}; fyndet visas igen.',
    en: 'The suppression of "{{rule}}" expired on {{until}}; the finding is shown again.',
  },
  suppressionNoRule: {
    fi: 'Poikkeuskommentista puuttuu säännön tunnus.',
    sv: 'Undantagskommentaren saknar regelns id.',
    en: 'The suppression names no rule.',
  },
};

/**
 * The parser's most common errors in Finnish and Swedish, by the `yaml` package's error code
 * (English keeps the parser's own, more specific wording).
 */
export const SYNTAX_MESSAGES: Record<string, { fi: string; sv: string }> = {
  TAB_AS_INDENT: { fi: 'Sisennyksessä on sarkain; käytä välilyöntejä.', sv: 'Indraget innehåller tabb; använd mellanslag.' },
  DUPLICATE_KEY: { fi: 'Sama avain on kahdesti samassa kohdassa.', sv: 'Samma nyckel förekommer två gånger på samma ställe.' },
  MULTIPLE_DOCS: { fi: 'Tiedostossa on useita YAML-asiakirjoja (---); suunnitelmatiedostossa saa olla vain yksi.', sv: 'Filen innehåller flera YAML-dokument (---); en planfil får innehålla bara ett.' },
  BAD_INDENT: { fi: 'Sisennys on virheellinen.', sv: 'Indraget är felaktigt.' },
  MISSING_CHAR: { fi: 'Sulkeva merkki puuttuu (esim. ] tai } tai lainausmerkki).', sv: 'Ett avslutande tecken saknas (t.ex. ] eller } eller ett citattecken).' },
  MULTILINE_IMPLICIT_KEY: { fi: 'Avain jatkuu usealle riville; tarkista sisennys ja kaksoispiste.', sv: 'Nyckeln sträcker sig över flera rader; kontrollera indrag och kolon.' },
  BLOCK_AS_IMPLICIT_KEY: { fi: 'Rakenne on avaimen paikalla; tarkista sisennys.', sv: 'En struktur står på nyckelns plats; kontrollera indraget.' },
  UNEXPECTED_TOKEN: { fi: 'Odottamaton merkki tässä kohdassa.', sv: 'Oväntat tecken på detta ställe.' },
  BAD_ALIAS: { fi: 'Viittaus (alias) osoittaa ankkuriin, jota ei ole.', sv: 'Aliaset hänvisar till ett ankare som inte finns.' },
  BAD_DQ_ESCAPE: { fi: 'Virheellinen kenoviivamerkintä lainausmerkeissä.', sv: 'Ogiltig escape-sekvens inom citattecken.' },
  NESTING_TOO_DEEP: { fi: 'Sisäkkäisiä rakenteita (avaimia ja luetteloita) on liian monta tasoa: tästä alkaa taso 101, ja enintään 100 tasoa luetaan.', sv: 'För många nivåer av nästlade strukturer (nycklar och listor): här börjar nivå 101, och högst 100 nivåer läses.' },
  BAD_SCALAR_START: { fi: 'Arvo alkaa merkillä, joka pitää lainata lainausmerkein.', sv: 'Värdet börjar med ett tecken som måste citeras.' },
};

/** Names of value types, for "expected X, got Y". */
export const TYPE_NAMES: Record<string, Texts> = {
  string: { fi: 'teksti', sv: 'text', en: 'text' },
  number: { fi: 'luku', sv: 'tal', en: 'a number' },
  boolean: { fi: 'totuusarvo (true tai false)', sv: 'sanningsvärde (true eller false)', en: 'true or false' },
  array: { fi: 'lista', sv: 'lista', en: 'a list' },
  object: { fi: 'avain–arvo-rakenne', sv: 'mappning', en: 'a mapping' },
  null: { fi: 'tyhjä', sv: 'tom', en: 'empty' },
  integer: { fi: 'kokonaisluku', sv: 'heltal', en: 'a whole number' },
};
