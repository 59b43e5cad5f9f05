/**
 * Rule documentation in the reader's language. A rule's README carries its explanation three
 * times: English sections ("What it checks", "Why", "How to fix", and where a rule has them
 * "Options" and "Decisions"), Finnish ones and Swedish ones (README_HEADINGS,
 * README_OPTIONAL_HEADINGS); "Examples" serves every language.
 */
import type { Locale } from '../types.js';

/** The `## ` headings every README has in each language, in reading order. */
export const README_HEADINGS: Record<Locale, readonly string[]> = {
  en: ['What it checks', 'Why', 'How to fix'],
  fi: ['Mitä sääntö tarkistaa', 'Miksi', 'Näin korjaat'],
  sv: ['Vad regeln kontrollerar', 'Varför', 'Så här åtgärdar du'],
};

/**
 * Sections a README has when its rule needs them (its options; how an ambiguous requirement was
 * read), in the same order in each language. A README that has one in English has it in all three.
 */
export const README_OPTIONAL_HEADINGS: Record<Locale, readonly string[]> = {
  en: ['Options', 'Decisions'],
  fi: ['Asetukset', 'Tulkinnat'],
  sv: ['Inställningar', 'Tolkningar'],
};

/** The heading of the examples, which every language shares, as each language shows it. */
const EXAMPLES_HEADING: Record<Locale, string> = { en: 'Examples', fi: 'Esimerkit', sv: 'Exempel' };

/** Every language section in reading order: the same index is the same section in each language. */
const LANGUAGE_HEADINGS: Record<Locale, readonly string[]> = {
  en: [...README_HEADINGS.en, ...README_OPTIONAL_HEADINGS.en],
  fi: [...README_HEADINGS.fi, ...README_OPTIONAL_HEADINGS.fi],
  sv: [...README_HEADINGS.sv, ...README_OPTIONAL_HEADINGS.sv],
};

interface Section {
  heading: string;
  text: string;
}

function splitSections(readme: string): { head: string; sections: Section[] } {
  const parts = readme.split(/^## +/m);
  const head = parts[0]!;
  const sections = parts.slice(1).map((p) => {
    const nl = p.indexOf('\n');
    return { heading: (nl === -1 ? p : p.slice(0, nl)).trim(), text: `## ${p}` };
  });
  return { head, sections };
}

function languageOf(heading: string): Locale | undefined {
  for (const locale of ['en', 'fi', 'sv'] as const) if (LANGUAGE_HEADINGS[locale].includes(heading)) return locale;
  return undefined;
}

/**
 * The README for one language: its title and intro, each explaining section in that language
 * (the English one where a translation is missing), then the sections every language shares
 * (examples), headed in that language. The README's own line of default severity, kinds and
 * source (`**Severity:** …`) is left out: whoever shows the documentation states them in the
 * reader's language, with the severity the configuration gives. `title: false` leaves out the
 * README's `# <rule-id>` title too, for a caller that heads the text itself.
 */
export function localizedRuleDocs(readme: string, locale: Locale, options: { title?: boolean } = {}): string {
  const { head, sections } = splitSections(readme);
  const intro = head
    .split(/\n\s*\n/)
    .filter((paragraph) => !paragraph.trim().startsWith('**Severity:**'))
    .map((paragraph, i) => (options.title === false && i === 0 ? paragraph.replace(/^#\s[^\n]*\n?/, '') : paragraph))
    .filter((paragraph) => paragraph.trim() !== '')
    .join('\n\n');
  const own = LANGUAGE_HEADINGS.en.flatMap((english, i) => {
    const section = sections.find((s) => s.heading === LANGUAGE_HEADINGS[locale][i]) ?? sections.find((s) => s.heading === english);
    return section ? [section.text] : [];
  });
  const shared = sections
    .filter((s) => languageOf(s.heading) === undefined)
    .map((s) => (s.heading === EXAMPLES_HEADING.en ? `## ${EXAMPLES_HEADING[locale]}${s.text.slice(`## ${s.heading}`.length)}` : s.text));
  return [intro, ...own, ...shared].map((t) => t.trimEnd()).filter((t) => t !== '').join('\n\n') + '\n';
}

/** The first paragraph of the "what it checks" section in a language (English as a fallback). */
export function ruleSummary(readme: string, locale: Locale): string | undefined {
  const { sections } = splitSections(readme);
  const find = (l: Locale) => sections.find((s) => s.heading === README_HEADINGS[l][0]);
  const section = find(locale) ?? find('en');
  if (!section) return undefined;
  const blocks = section.text.slice(section.text.indexOf('\n') + 1).trim().split(/\n\s*\n/);
  const first = blocks[0]?.trim();
  // "… reported when:" is followed by the list it announces; keep that list with it.
  const list = blocks[1]?.trim();
  if (first && first.endsWith(':') && list && /^([-*]|\d+\.) /.test(list)) return `${first}\n\n${list}`;
  return first || undefined;
}
