'use strict';
// Runs the library floor (floor.ts) on one plan through the CLI's own bundle loader.
const path = require('node:path');
const { loadBundle } = require('../../packages/cli/bin/laatuvahti.cjs');

loadBundle(path.join(__dirname, 'dist', 'floor.cjs')).exports.main(process.argv[2]);
