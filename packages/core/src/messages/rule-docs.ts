/**
 * Rule documentation in the reader's language. A rule's README carries its explanation three
 * times: English sections ("What it checks", "Why", "How to fix"), Finnish ones ("Mitä sääntö
 * tarkistaa", "Miksi", "Näin korjaat") and Swedish ones ("Vad regeln kontrollerar", "Varför",
 * "Så här åtgärdar du"); "Options" and "Examples" serve every language.
 */
import type { Locale } from '../types.js';

/** The `## ` headings of each language's sections, in reading order. */
export const README_HEADINGS: Record<Locale, readonly string[]> = {
  en: ['What it checks', 'Why', 'How to fix'],
  fi: ['Mitä sääntö tarkistaa', 'Miksi', 'Näin korjaat'],
  sv: ['Vad regeln kontrollerar', 'Varför', 'Så här åtgärdar du'],
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
  for (const locale of ['en', 'fi', 'sv'] as const) if (README_HEADINGS[locale].includes(heading)) return locale;
  return undefined;
}

/**
 * The README for one language: its title block, that language's sections (English where a
 * translation is missing) and the sections every language shares (options, examples).
 */
export function localizedRuleDocs(readme: string, locale: Locale): string {
  const { head, sections } = splitSections(readme);
  const has = sections.some((s) => languageOf(s.heading) === locale);
  const want = has ? locale : 'en';
  // The explanation first, in the reader's language; then what every language shares.
  const own = sections.filter((s) => languageOf(s.heading) === want);
  const shared = sections.filter((s) => languageOf(s.heading) === undefined);
  return [head, ...own.map((s) => s.text), ...shared.map((s) => s.text)].map((t) => t.trimEnd()).join('\n\n') + '\n';
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
