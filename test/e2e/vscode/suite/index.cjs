// Test-runner entry for the extension host (the @vscode/test-electron contract): VS Code loads this module from
// `extensionTestsPath` and calls run(); the promise's outcome is the test run's result. Same file works with
// test/e2e/vscode/launch.mjs (VS Code server + Chromium) and with @vscode/test-electron where that can download VS Code.
//
// It runs every `*.e2e.cjs` file beside it with mocha (BDD: describe/it). mocha is the repo's devDependency, found by
// normal module resolution from this folder (mocha 12 is ESM: require() of it works on the extension host's Node 24;
// `.default` is the Mocha class). Knobs (environment of the VS Code server, hence of the extension host):
//   CRMTEAM_E2E_GREP=<regexp>   only tests whose full title matches
//   CRMTEAM_E2E_TEST_TIMEOUT=ms per-test timeout (default 30000)
'use strict';
const path = require('node:path');
const fs = require('node:fs');

exports.run = () => new Promise((resolve, reject) => {
  let Mocha;
  try {
    const m = require('mocha');
    Mocha = m.default ?? m;
  } catch (e) {
    reject(new Error(`cannot load mocha from ${__dirname} (is the repo's node_modules installed?): ${e.message}`));
    return;
  }
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false, // output goes through the extension host console, not a terminal
    timeout: Number(process.env.CRMTEAM_E2E_TEST_TIMEOUT || 30_000),
    ...(process.env.CRMTEAM_E2E_GREP ? { grep: new RegExp(process.env.CRMTEAM_E2E_GREP) } : {}),
  });
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.e2e.cjs')).sort();
  if (files.length === 0) { reject(new Error(`no *.e2e.cjs test files in ${__dirname}`)); return; }
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  try {
    const runner = mocha.run((failures) => {
      const passed = runner.stats?.passes ?? 0;
      console.log(`vscode e2e: ${passed} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} extension test(s) failed`));
      else if (passed === 0) reject(new Error('no extension test ran'));
      else resolve();
    });
  } catch (e) {
    reject(e);
  }
});
