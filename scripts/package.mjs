// `npm run package`: builds the VS Code extension package (.vsix) with @vscode/vsce.
//
//   node scripts/package.mjs [--out <file.vsix>] [--keep-staging]
//
// The .vsix is made in a fresh staging folder, never in the repository: the client and the server are bundled there,
// minified and without source maps, next to copies of the files that ship (the allow-list in .vscodeignore). So
// packaging never rewrites the repository's dist/ (tests running at the same time keep their development build), and
// nothing ships by accident: no sources, tests, scripts, node_modules or source maps. The shipped package.json is the
// repository's without `scripts` and `bin` (they name files that are not shipped).
//
// vsce options: no dependency detection (everything is bundled), no repository URL (none exists; relative links in
// README.md are left as they are instead of being rewritten to a repository that is not there). LICENSE ships.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { buildSchemaValidator } from './build-schema.mjs';
import { bundleOptions } from './bundle-options.mjs';
import { buildWebBundles, describeWebBundles } from './web-bundles.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = resolve(option('--out') ?? join(root, `${pkg.name}-${pkg.version}.vsix`));
const keepStaging = argv.includes('--keep-staging');

// The files that ship besides the bundles (checked against .vscodeignore's allow-list by vsce itself).
const SHIPPED = ['README.md', 'CHANGELOG.md', 'LICENSE', 'language-configuration.json', 'images/icon.png', 'schemas',
  'syntaxes', 'docs/editors.md', 'docs/format.md', 'docs/workspace.md', 'docs/rules', '.vscodeignore'];

const t0 = Date.now();
const staging = mkdtempSync(join(tmpdir(), 'crmteam-vsix-'));
try {
  for (const f of SHIPPED) {
    const from = join(root, f);
    if (!existsSync(from)) throw new Error(`package: ${f} is missing (images/icon.png: node scripts/make-icon.mjs)`);
    cpSync(from, join(staging, f), { recursive: true });
  }
  // The README is the extension's page: a link to a file the .vsix does not hold (the architecture notes, the test and
  // benchmark reports, screenshots) becomes its text, and such an image is left out, so no shipped page names a file
  // the user does not have.
  const readme = join(staging, 'README.md');
  writeFileSync(readme, readFileSync(readme, 'utf8').replace(/(!?)\[([^\]]*)\]\(([^)\s]+)\)/g, (link, image, text, target) => {
    if (/^[a-z]+:|^#/i.test(target) || existsSync(join(staging, target.split('#')[0]))) return link;
    return image ? '' : text;
  }));
  // `scripts`, `bin` and `files` describe the npm package (the CLI), not the extension; vsce also refuses `files`
  // next to .vscodeignore.
  const { scripts: _scripts, bin: _bin, files: _files, ...manifest } = pkg;
  writeFileSync(join(staging, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  // The same bundles as `node esbuild.mjs --production`, built into the staging folder.
  await buildSchemaValidator();
  const common = { ...bundleOptions({ production: true }), outdir: join(staging, 'dist') };
  // The web bundles (package.json `browser`) must meet their size budgets: packaging fails otherwise.
  const [web] = await Promise.all([
    buildWebBundles({ production: true, outdir: common.outdir }),
    esbuild.build({ ...common, entryPoints: { server: 'server/src/lsp/main.ts' } }),
    esbuild.build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, external: ['vscode'] }),
  ]);

  const { createVSIX, listFiles } = require('@vscode/vsce');
  const options = { cwd: staging, dependencies: false, allowMissingRepository: true, rewriteRelativeLinks: false };
  const files = (await listFiles({ cwd: staging, packagedDependencies: [] })).sort();
  mkdirSync(dirname(out), { recursive: true });
  await createVSIX({ ...options, packagePath: out });

  console.log(`${relative(process.cwd(), out) || out}: ${(statSync(out).size / 1024).toFixed(0)} KB, ` +
    `${files.length} files (${files.filter((f) => !f.startsWith('docs/rules/')).join(', ')} and ` +
    `${files.filter((f) => f.startsWith('docs/rules/')).length} rule pages), in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(describeWebBundles(web));
} finally {
  if (keepStaging) console.log(`staging folder kept: ${staging}`);
  else rmSync(staging, { recursive: true, force: true });
}
