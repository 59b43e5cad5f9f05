// Entry of dist/mammoth.cjs beside the CLI's and the language server's bundles: mammoth (.docx ->
// HTML for import) bundled on its own, required only when a .docx is imported (bundle-plugins.ts).
module.exports = require('mammoth');
