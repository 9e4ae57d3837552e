// Test-runner entry in VS Code for the Web's extension host (the @vscode/test-web contract: a module exporting
// run()). It runs the SAME suite as the desktop, test/e2e/vscode/suite/*.e2e.cjs, with mocha's browser build;
// build-suite.mjs bundles it for the browser (node:assert/strict → ./assert.cjs, the expectation
// CRMTEAM_E2E_EXPECT = 'web'). Knobs, fixed when it is built, from the environment of `npm test`: CRMTEAM_E2E_GREP
// (regexp on full titles), CRMTEAM_E2E_TEST_TIMEOUT (ms, default 30000).
'use strict';
// The browser build: defines globalThis.mocha. (mocha is an ES module package, so esbuild runs this UMD file in the
// bundle's own scope, where it sets module.exports to mocha: this module therefore sets module.exports itself.)
require('mocha/mocha.js');

const run = () => new Promise((resolve, reject) => {
  const grep = process.env.CRMTEAM_E2E_GREP;
  globalThis.mocha.setup({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.CRMTEAM_E2E_TEST_TIMEOUT || 30_000),
    ...(grep ? { grep: new RegExp(grep) } : {}),
  });
  require('crmteam-e2e-files'); // every test file of the desktop suite (build-suite.mjs); describe/it are globals now
  dropDesktopOnly(globalThis.mocha.suite);
  try {
    const runner = globalThis.mocha.run((failures) => {
      const passed = runner.stats?.passes ?? 0;
      console.log(`web e2e: ${passed} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} extension test(s) failed`));
      else if (passed === 0) reject(new Error('no extension test ran'));
      else resolve();
    });
  } catch (e) {
    reject(e);
  }
});

/**
 * Tests of what the web does not have (README, "Works in vscode.dev and github.dev"), each with the reason. They are
 * left out here and named in the output; everything else runs as on the desktop.
 */
const DESKTOP_ONLY = [];

function dropDesktopOnly(suite) {
  suite.tests = suite.tests.filter((test) => {
    const hit = DESKTOP_ONLY.find(([title]) => title.test(test.fullTitle()));
    if (hit) console.log(`desktop only (${hit[1]}): ${test.fullTitle()}`);
    return !hit;
  });
  suite.suites.forEach(dropDesktopOnly);
}

module.exports = { run };
