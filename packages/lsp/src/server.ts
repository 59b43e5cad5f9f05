/**
 * Entry point of `laatuvahti-lsp`: creates the connection from the command line
 * (`--stdio`, `--node-ipc` or `--socket=<port>`) and starts the server.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './start-server.js';

startServer(createConnection(ProposedFeatures.all));
