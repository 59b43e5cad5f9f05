// Build step: renders the rule pack's sources page (docs/sources.md) from
// rules/reference/sources.yaml, so the page a finding's requirement id points at is the same
// data the pack ships. `npm run gen` writes it; test/sources.test.ts fails when it is stale.

const BASIS = {
  law: 'law (a statute) — error',
  regulation: 'regulation (Valvira määräys) — error',
  guidance: 'national guidance — warning',
  practice: "one unit's practice — info, off unless `extends: laatuvahti:strict`",
};

/** The Markdown text of the sources page for the rows of the `sources` table. */
export function sourcesPage(table) {
  const out = [
    '# Sources of the rule pack',
    '',
    '<!-- Generated from rules/reference/sources.yaml by `npm run gen`; edit that file, not this one. -->',
    '',
    'Every rule cites the requirements below by id (`R27`). Each requirement names its public source:',
    "the statute's section and subsection, Valvira's regulation or guidance, or the one document",
    'whose practice it is, with the address of the text and the day it was last read there.',
    "A rule's default severity follows the strength of its source: law or regulation that says what the",
    'plan must show is an error, national guidance a warning, practice information (off by default).',
    '',
    '| id | basis | source | confirmed |',
    '|---|---|---|---|',
  ];
  const rows = [...table.rows].sort((a, b) => String(a.id).localeCompare(String(b.id), 'en', { numeric: true }));
  for (const r of rows) out.push(`| [${r.id}](#${String(r.id).toLowerCase()}) | ${r.basis} | ${cell(r.citation?.en)} | ${r.confirmed ?? ''} |`);
  for (const r of rows) {
    out.push('', `## ${r.id}`, '');
    out.push(`**Basis:** ${BASIS[r.basis] ?? r.basis}`, '');
    for (const [locale, label] of [['fi', 'Lähde'], ['sv', 'Källa'], ['en', 'Source']]) {
      if (r.citation?.[locale]) out.push(`- ${label}: ${r.citation[locale]}`);
    }
    if (r.requirement?.en) out.push(`- Requirement: ${r.requirement.en}`);
    if (r.requirement?.fi) out.push(`- Vaatimus: ${r.requirement.fi}`);
    if (r.requirement?.sv) out.push(`- Krav: ${r.requirement.sv}`);
    for (const locale of ['fi', 'sv']) if (r.quote?.[locale]) out.push(`- ${locale}: > ${oneLine(r.quote[locale])}`);
    if (r.url) out.push(`- Text: <${r.url}>${r.urlSv ? `, på svenska <${r.urlSv}>` : ''}${r.confirmed ? `, last read ${r.confirmed}` : ''}${r.readIn ? ` (${oneLine(r.readIn)})` : ''}`);
    else out.push(`- Text: no public address${r.confirmed ? `; last read ${r.confirmed}` : ''}${r.readIn ? ` (${oneLine(r.readIn)})` : ''}`);
    if (r.note) out.push(`- Note: ${oneLine(r.note)}`);
  }
  return `${out.join('\n')}\n`;
}

function oneLine(s) {
  return String(s).replace(/\s+/g, ' ').trim();
}

function cell(s) {
  return oneLine(s ?? '').replace(/\|/g, '\\|');
}
