// Builds every bundle: the schema validator (ajv standalone code, generated here so nothing is compiled at run time),
// the CLI, the language server, the VS Code client, their web versions (scripts/web-bundles.mjs), the docs
// generator, and the tests. With --production the web bundles must meet their size budgets.
import * as esbuild from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSchemaValidator } from './scripts/build-schema.mjs';
import { bundleOptions } from './scripts/bundle-options.mjs';
import { buildWebBundles, describeWebBundles } from './scripts/web-bundles.mjs';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const withTests = args.has('--tests') || args.has('--all');

await buildSchemaValidator();

const common = bundleOptions({ production });

const products = [
  { entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist' },
  { entryPoints: { server: 'server/src/lsp/main.ts' }, outdir: 'dist' },
  { entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { entryPoints: { 'scripts/gen-docs': 'scripts/gen-docs.ts' }, outdir: 'dist' },
];

const [web] = await Promise.all([buildWebBundles({ production }), ...products.map((p) => esbuild.build({ ...common, ...p }))]);
if (production) console.log(describeWebBundles(web));

if (withTests) {
  const testEntries = listTests('test');
  if (testEntries.length > 0) {
    await esbuild.build({
      ...common,
      sourcemap: 'inline',
      entryPoints: testEntries,
      outbase: '.',
      outdir: 'out',
      // Tests import the real sources; third-party packages stay in node_modules to keep the build fast.
      packages: 'external',
    });
  }
}

function listTests(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name === 'e2e' || name === 'fixtures') continue;
      found.push(...listTests(path));
    } else if (name.endsWith('.test.ts')) {
      found.push(relative('.', path));
    }
  }
  return found;
}
