// Bundles the end-to-end suite for the browser's extension host: suite.cjs (mocha's browser build + every desktop test
// file, test/e2e/vscode/suite/*.e2e.cjs, in name order as index.cjs loads them) into one CommonJS file, `vscode` left
// to the extension host. Node's assert is replaced by ./assert.cjs; the environment knobs are fixed now, from this
// process's environment.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const desktopSuite = path.join(here, '..', 'vscode', 'suite');

/** `require('crmteam-e2e-files')` in suite.cjs: requires each desktop test file. */
const testFiles = {
  name: 'crmteam-e2e-files',
  setup(build) {
    build.onResolve({ filter: /^crmteam-e2e-files$/ }, () => ({ path: 'crmteam-e2e-files', namespace: 'crmteam-e2e' }));
    build.onLoad({ filter: /.*/, namespace: 'crmteam-e2e' }, () => {
      const files = fs.readdirSync(desktopSuite).filter((f) => f.endsWith('.e2e.cjs')).sort();
      if (files.length === 0) throw new Error(`no *.e2e.cjs test files in ${desktopSuite}`);
      return { contents: files.map((f) => `require(${JSON.stringify(`./${f}`)});`).join('\n'), resolveDir: desktopSuite, loader: 'js' };
    });
  },
};

/** Writes the suite bundle to `outfile`; `expect` is what the suite checks about the extension under test. */
export async function buildWebSuite(outfile, { expect = 'web', env = process.env } = {}) {
  await esbuild.build({
    entryPoints: [path.join(here, 'suite.cjs')],
    outfile,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    alias: { 'node:assert/strict': path.join(here, 'assert.cjs') },
    define: {
      'process.env.CRMTEAM_E2E_EXPECT': JSON.stringify(expect),
      'process.env.CRMTEAM_E2E_GREP': JSON.stringify(env.CRMTEAM_E2E_GREP ?? ''),
      'process.env.CRMTEAM_E2E_TEST_TIMEOUT': JSON.stringify(env.CRMTEAM_E2E_TEST_TIMEOUT ?? ''),
    },
    plugins: [testFiles],
    logLevel: 'warning',
  });
}
