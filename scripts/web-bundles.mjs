// The web extension's two bundles (package.json `browser`): the client, loaded by VS Code for the Web's extension
// host, and the language server, started by it in a web worker. Same sources as the Node bundles; only the entry
// points differ. Used by esbuild.mjs, scripts/package.mjs and test/unit/webBundles.test.ts.
//
// Each bundle has a size budget (minified, as shipped; about 10% above its size when last set: 471 and 725 KB, against
// 569 and 798 KB for the Node client and server; the client grew by 76 KB with the Team Overview's renderer, which
// brings part of the rules and `yaml` with it, the server by 79 KB with the workspace's many-plans rules): the
// browser downloads it on every visit to vscode.dev. Raise a budget knowingly, with the reason here. And no
// Node built-in may reach a web bundle: esbuild, building for the browser, refuses to resolve one; a package that
// maps one to nothing in its `browser` field shows up as a `(disabled)` input, and any other import left outside the
// bundle (the client may only import `vscode`) as an external import. `checkWebBundle` reports all three.
import * as esbuild from 'esbuild';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export const WEB_BUNDLES = [
  { name: 'browser', entry: 'client/src/browser.ts', format: 'cjs', external: ['vscode'], budgetBytes: 520 * 1024 },
  { name: 'browserServer', entry: 'server/src/lsp/browserMain.ts', format: 'iife', external: [], budgetBytes: 800 * 1024 },
];

export function webBuildOptions(bundle, { production, root = ROOT, outdir = join(root, 'dist'), write = true }) {
  return {
    entryPoints: { [bundle.name]: bundle.entry },
    outdir,
    write,
    bundle: true,
    platform: 'browser',
    // The worker's global scope and the web extension host: no DOM needed, no Node.
    target: 'es2022',
    format: bundle.format,
    external: bundle.external,
    sourcemap: production ? false : 'linked',
    minify: production,
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
    absWorkingDir: root,
  };
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** What is wrong with a built web bundle: Node built-ins, stray externals, and the size against the budget. */
export function checkWebBundle(bundle, result) {
  const [outFile, output] = Object.entries(result.metafile.outputs).find(([f]) => f.endsWith(`${bundle.name}.js`));
  const inputs = Object.keys(result.metafile.inputs);
  const problems = [];
  for (const input of inputs) {
    const name = input.replace(/^\(disabled\):/, '');
    if (input.startsWith('(disabled):')) problems.push(`${name} is a Node module disabled by a package's "browser" field`);
    else if (NODE_BUILTINS.has(name)) problems.push(`Node built-in ${name} is bundled`);
  }
  for (const imported of output.imports) {
    if (imported.external && !bundle.external.includes(imported.path)) problems.push(`imports ${imported.path} from outside the bundle`);
  }
  const bytes = output.bytes;
  if (bytes > bundle.budgetBytes) problems.push(`${kb(bytes)} is over its budget of ${kb(bundle.budgetBytes)}`);
  return { file: outFile, bytes, budgetBytes: bundle.budgetBytes, inputs, problems };
}

/** Builds every web bundle; with `check`, fails on the first problem. Returns one report line per bundle. */
export async function buildWebBundles({ production, root, outdir, write = true, check = production }) {
  const checked = await Promise.all(WEB_BUNDLES.map(async (bundle) => {
    const result = await esbuild.build(webBuildOptions(bundle, { production, root, outdir, write }));
    return { bundle, ...checkWebBundle(bundle, result), result };
  }));
  const problems = checked.flatMap((c) => c.problems.map((p) => `${c.bundle.name}.js: ${p}`));
  if (check && problems.length > 0) throw new Error(`web bundles:\n  ${problems.join('\n  ')}`);
  return checked;
}

export function describeWebBundles(checked) {
  return `web bundles: ${checked.map((c) => `${c.bundle.name}.js ${kb(c.bytes)} (budget ${kb(c.budgetBytes)})`).join(', ')}`;
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(0)} KB`;
}
