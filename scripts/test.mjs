// The README's test command: builds everything, then type-checks while every test layer runs in one Node test run.
// `npm test -- unit lsp` runs only the named folders under test/ (unit, lsp, cli, robustness, editors);
// `npm run test:quick` is `unit lsp cli`, the edit loop.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const only = process.argv.slice(2);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

rmSync('out', { recursive: true, force: true });
run(process.execPath, ['esbuild.mjs', '--all']);
const LAYERS = ['unit', 'lsp', 'cli', 'robustness', 'editors'];
const unknown = only.filter((d) => !LAYERS.includes(d));
if (unknown.length > 0) {
  // Without a folder, node --test would search the whole repository for test files.
  console.error(`Unknown test layer ${unknown.join(', ')}; the layers are ${LAYERS.join(', ')}.`);
  process.exit(2);
}
const dirs = (only.length ? only : LAYERS).map((d) => `out/test/${d}`).filter((d) => existsSync(d));
// The type check runs beside the tests (its output is printed at the end); a type error fails the run.
const typecheck = spawn(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.'], { stdio: ['ignore', 'pipe', 'pipe'] });
let typeErrors = '';
typecheck.stdout.on('data', (d) => { typeErrors += d; });
typecheck.stderr.on('data', (d) => { typeErrors += d; });
const typecheckStatus = new Promise((resolve) => typecheck.on('close', (code) => resolve(code)));

// The real-editor layer needs tooling outside the repository (VS Code server, Chromium, Neovim): install it first
// (a no-op when present). If that fails, the layer still runs and fails, saying what is missing.
if (dirs.includes('out/test/editors') && spawnSync('bash', ['scripts/e2e-setup.sh'], { stdio: 'inherit' }).status !== 0) {
  console.error('scripts/e2e-setup.sh failed: the editors tests will fail (see test/e2e/README.md)');
}
// Every test process runs with code generation from strings disallowed: proof that neither the engine nor the
// server ever evaluates generated code (ajv's validator is compiled at build time).
// unit, lsp and cli files run two at a time (most of their time is spent waiting on child processes and the
// protocol); the robustness and editor layers, which measure time and drive real editors, run one file at a time.
const concurrency = dirs.some((d) => /\/(robustness|editors)$/.test(d)) ? 1 : 2;
const result = spawnSync(process.execPath, [
  '--disallow-code-generation-from-strings',
  '--test',
  `--test-concurrency=${concurrency}`,
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', '--test-reporter-destination=out/results.tap',
  ...dirs,
], { stdio: 'inherit' });

const tap = existsSync('out/results.tap') ? readFileSync('out/results.tap', 'utf8') : '';
const count = (name) => Number(tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
console.log(`\n# pass ${count('pass')}\n# fail ${count('fail')}`);
console.log(`${count('pass')} passed, ${count('fail')} failed, ${count('skipped')} skipped`);
const typecheckCode = await typecheckStatus;
if (typecheckCode !== 0) console.error(`\ntsc --noEmit failed:\n${typeErrors}`);
else console.log('typecheck passed');
process.exit(typecheckCode !== 0 ? (result.status || 1) : (result.status ?? 1));
