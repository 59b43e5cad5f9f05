// Entry of dist/mammoth.cjs: mammoth (.docx -> HTML for `laatuvahti import`) bundled on its own,
// beside dist/cli.cjs, which requires it only when a .docx is imported (see tsup.config.ts).
module.exports = require('mammoth');
