#!/usr/bin/env node
// The `crmteam` command: the bundled CLI in dist/.
require("../dist/cli.js").runCli();
