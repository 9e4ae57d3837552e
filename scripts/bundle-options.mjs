// The esbuild options every bundle shares, for esbuild.mjs (development and --production) and scripts/package.mjs.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function bundleOptions({ production }) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return {
    // Some ESM-only dependencies (fdir, under tinyglobby) read import.meta.url, which a CJS bundle lacks.
    define: { CRMTEAM_VERSION: JSON.stringify(pkg.version), 'import.meta.url': '__crmteamImportMetaUrl' },
    banner: { js: "var __crmteamImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
    legalComments: 'none',
    absWorkingDir: root,
  };
}
