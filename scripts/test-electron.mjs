// `npm run test:electron`: the VS Code end-to-end suite (test/e2e/vscode/suite) in desktop VS Code (Electron) through
// @vscode/test-electron (a devDependency: installing it downloads nothing, running it downloads VS Code into
// .vscode-test/), for machines that can download VS Code. `npm test` runs the same suite in the VS Code server
// instead (test/editors/editors.test.ts), which needs no download.
//
//   npm run test:electron                           # the development folder (extensionDevelopmentPath)
//   npm run test:electron -- --vsix crmteam-yaml-0.1.0.vsix   # the packaged extension, installed first
//   npm run test:electron -- --vscode 1.91.0        # a given VS Code version (default: stable)
//   xvfb-run -a npm run test:electron               # on Linux without a display
//
// Knobs reach the suite through the environment: CRMTEAM_E2E_GREP, CRMTEAM_E2E_TEST_TIMEOUT (test/e2e/README.md).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const vsix = option('--vsix') && path.resolve(option('--vsix'));
const version = option('--vscode') ?? 'stable';

if (vsix && !fs.existsSync(vsix)) {
  console.error(`No such .vsix: ${vsix} (build one with \`npm run package\`)`);
  process.exit(2);
}
const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// Fresh user data and extensions folders, and a copy of the test workspace (the suite edits and saves plans).
const state = fs.mkdtempSync(path.join(os.tmpdir(), 'crmteam-electron-'));
const workspace = path.join(state, 'workspace');
fs.cpSync(path.join(root, 'test/e2e/workspace'), workspace, { recursive: true });
const userData = path.join(state, 'user-data');
const extensionsDir = path.join(state, 'extensions');
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
  'telemetry.telemetryLevel': 'off', 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none',
  'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false, 'update.mode': 'none', 'git.enabled': false,
  'chat.disableAIFeatures': true,
}, null, 2));

let code = 1;
try {
  const vscodeExecutablePath = await downloadAndUnzipVSCode(version);
  let extensionDevelopmentPath = root;
  if (vsix) {
    // VS Code runs extensionTestsPath only with a development extension: an empty placeholder, the .vsix installed.
    const [cli, ...defaults] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
    const cliArgs = defaults.filter((a) => !/^--(user-data|extensions)-dir/.test(a)); // ours below, same as the run's
    const r = spawnSync(cli, [...cliArgs, '--user-data-dir', userData, '--extensions-dir', extensionsDir,
      '--install-extension', vsix, '--force'], { encoding: 'utf8', shell: process.platform === 'win32' });
    process.stdout.write(r.stdout ?? '');
    if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stderr}`);
    extensionDevelopmentPath = path.join(state, 'dev-placeholder');
    fs.mkdirSync(extensionDevelopmentPath);
    fs.writeFileSync(path.join(extensionDevelopmentPath, 'package.json'), JSON.stringify({
      name: 'e2e-test-host', publisher: 'crmteam-e2e', version: '0.0.0', engines: { vscode: '*' },
    }));
  }
  code = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath,
    extensionTestsPath: path.join(root, 'test/e2e/vscode/suite/index.cjs'),
    extensionTestsEnv: { CRMTEAM_E2E_EXPECT: vsix ? 'vsix' : 'dev' },
    launchArgs: [workspace, '--user-data-dir', userData, '--extensions-dir', extensionsDir,
      '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-gpu'],
  }).then(() => 0, (e) => { console.error(`VS Code tests failed: ${e?.message ?? e}`); return 1; });
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
} finally {
  fs.rmSync(state, { recursive: true, force: true });
}
process.exit(code);
