// `npm run editor`: the real VS Code in your browser with this extension and the example plans, to try it by hand.
//
//   npm run editor                          # then open the printed http://127.0.0.1:… URL in a browser
//   npm run editor -- --port 0              # any free port (default 8765, or any free one if that is taken)
//   npm run editor -- --folder path/to/plans
//
// It builds the extension (development build), starts the VS Code server from `scripts/e2e-setup.sh`'s cache (the same
// one the end-to-end tests use) on 127.0.0.1 with a random connection token, with the repository installed as an
// extension (a link, so `npm run build` + "Developer: Reload Window" picks up changes) and `examples/` as the folder.
// (The folder is in the URL: with the server's --default-folder, the workbench opens files under a URI that the
// extension host's diagnostics do not match, and no squiggle is drawn.) Runs until Ctrl-C, then stops the server and everything it started, and removes its temporary state.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { e2eAvailable } from '../test/e2e/vscode/launch.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
if (argv.includes('--help') || argv.includes('-h')) {
  console.log('usage: npm run editor [-- --port <n|0>] [--folder <dir>] [--host <addr>]');
  process.exit(0);
}
const host = option('--host', '127.0.0.1');
const folder = path.resolve(option('--folder', path.join(root, 'examples')));
const wantedPort = Number(option('--port', '8765'));

const avail = e2eAvailable();
if (!avail.ok) {
  console.error(`The VS Code server is not installed (${avail.missing.join(', ')}).\nRun \`bash scripts/e2e-setup.sh\` once, then \`npm run editor\` again.`);
  process.exit(1);
}
if (!fs.existsSync(folder)) {
  console.error(`No such folder: ${folder}`);
  process.exit(1);
}
const P = avail.paths;
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

// 1. the development build (dist/extension.js, dist/server.js)
const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// 2. a fresh state folder: settings, server data, extensions (the repository, linked), sockets; removed at the end
const state = fs.mkdtempSync(path.join(os.tmpdir(), 'crmteam-editor-'));
const dirs = Object.fromEntries(['user-data/User', 'user-data/Machine', 'server-data', 'extensions', 'tmp', 'xdg']
  .map((d) => [d, path.join(state, d)]));
for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
const settings = JSON.stringify({
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'git.enabled': false,
}, null, 2);
fs.writeFileSync(path.join(dirs['user-data/User'], 'settings.json'), settings);
fs.writeFileSync(path.join(dirs['user-data/Machine'], 'settings.json'), settings);
fs.symlinkSync(root, path.join(dirs.extensions, `${pkg.publisher}.${pkg.name}-${pkg.version}`), 'dir');

// 3. the port: the wanted one if free, else any
const portFree = (port) => new Promise((resolve) => {
  const s = net.createServer().once('error', () => resolve(false)).listen(port, host, () => s.close(() => resolve(true)));
});
let port = wantedPort;
if (port !== 0 && !(await portFree(port))) {
  console.log(`Port ${port} is taken; using a free one.`);
  port = 0;
}

// 4. the VS Code server, in its own process group (the extension host and the language server are in it too)
const token = randomBytes(16).toString('hex');
const logFile = path.join(state, 'server.log');
const logFd = fs.openSync(logFile, 'a');
const server = spawn(P.node24, [P.serverMain,
  '--host', host, '--port', String(port), '--connection-token', token, '--accept-server-license-terms',
  '--telemetry-level', 'off', '--disable-workspace-trust',
  '--user-data-dir', path.join(state, 'user-data'), '--server-data-dir', dirs['server-data'],
  '--extensions-dir', dirs.extensions,
], {
  cwd: state, detached: true, stdio: ['ignore', logFd, logFd],
  env: { ...process.env, TMPDIR: dirs.tmp, XDG_CONFIG_HOME: dirs.xdg, XDG_CACHE_HOME: dirs.xdg, XDG_DATA_HOME: dirs.xdg,
    XDG_STATE_HOME: dirs.xdg, XDG_RUNTIME_DIR: '', PATH: `${P.node24Bin}:${process.env.PATH}` },
});
fs.closeSync(logFd);
// If this process is killed outright, a detached watchdog still stops the server's group and removes the state.
const watchdog = spawn('/bin/sh', ['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done
  kill -9 -${server.pid} 2>/dev/null; rm -rf "$1"`, 'crmteam-editor-watchdog', state], { detached: true, stdio: 'ignore' });
watchdog.unref();

let stopping = false;
let serverExited = false;
server.on('exit', () => { serverExited = true; });
const alive = () => { try { process.kill(-server.pid, 0); return true; } catch { return false; } };
async function stop(code) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping the VS Code server…');
  try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ }
  for (let i = 0; i < 40 && alive(); i++) await sleep(100);
  try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ }
  try { process.kill(watchdog.pid, 'SIGKILL'); } catch { /* gone */ }
  fs.rmSync(state, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
process.on('SIGHUP', () => stop(0));

const tail = () => { try { return fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n'); } catch { return ''; } };
let listening;
for (let i = 0; i < 600 && !listening; i++) {
  listening = /Extension host agent listening on (\d+)/.exec(tail())?.[1];
  if (!listening && serverExited) {
    console.error(`The VS Code server stopped:\n${tail()}`);
    await stop(1);
  }
  if (!listening) await sleep(100);
}
if (!listening) {
  console.error(`The VS Code server did not start within 60 s:\n${tail()}`);
  await stop(1);
}
const vscodeVersion = JSON.parse(fs.readFileSync(path.join(P.vscodeDir, 'package.json'), 'utf8')).version;
console.log(`
  VS Code ${vscodeVersion} with ${pkg.displayName} ${pkg.version}, folder ${path.relative(process.cwd(), folder) || '.'}

  Open in a browser:  http://${host}:${listening}/?tkn=${token}&folder=${encodeURIComponent(folder)}

  Open a .crmteam.yaml plan: squiggles, hovers, completion and quick fixes come from this repository's build
  (after \`npm run build\`, run "Developer: Reload Window"). Press Ctrl-C here to stop.
`);
server.on('exit', (code, signal) => {
  if (!stopping) {
    console.error(`The VS Code server exited (${code ?? signal}):\n${tail()}`);
    void stop(1);
  }
});
