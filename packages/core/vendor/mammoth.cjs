// Entry of dist/mammoth.cjs beside the CLI's and the language server's bundles: mammoth (.docx ->
// HTML for import) bundled on its own, required only when a .docx is imported (bundle-plugins.ts).
// It also carries JSZip, mammoth's own ZIP reader, which import uses for a .docx's page headers
// and footers (read-docx.ts): one copy of it, outside the bundles every command loads.
module.exports = { ...require('mammoth'), JSZip: require('jszip') };
