#!/usr/bin/env node
// laatuvahti-lsp: the Laatuvahti language server. Usage: laatuvahti-lsp --stdio | --node-ipc
require('../dist/server.cjs');
