#!/usr/bin/env node
// `crmteam-language-server`: the bundled language server for any LSP client. Talks over stdio unless the client
// asks for another transport (`--node-ipc`, `--socket=N`, `--pipe=NAME`).
'use strict';
const transports = ['--stdio', '--node-ipc', '--socket', '--pipe'];
if (!process.argv.slice(2).some((arg) => transports.some((t) => arg === t || arg.startsWith(`${t}=`)))) {
  process.argv.push('--stdio');
}
require('../dist/server.js');
