// What the shipped bundles can do, read from the bundles themselves (dist/server.js, dist/cli.js, built by
// `node esbuild.mjs`): no network client or server module except the LSP transport's own sockets, no process
// spawning outside vscode-languageserver's unused module resolver, no code generation from strings. And proof that
// this test run itself forbids code generation from strings (scripts/test.mjs passes the flag to every test process).

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../harness/repo';

const NETWORK = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'inspector', 'vm'];

interface Use { readonly module: string; readonly from: string }

/** Every `require("x")` of a Node built-in in a bundle, with the bundled package it sits in (esbuild's path comments). */
function builtinUses(bundle: string): Use[] {
  const text = readFileSync(repoPath('dist', bundle), 'utf8');
  const uses: Use[] = [];
  let from = '(our code)';
  for (const line of text.split('\n')) {
    const origin = /^\/\/ ((?:node_modules|server|client|scripts)\/\S+)$/.exec(line);
    if (origin) from = origin[1]!;
    for (const m of line.matchAll(/\brequire\("(?:node:)?([a-z_0-9/]+)"\)/g)) uses.push({ module: m[1]!, from });
  }
  return uses;
}

function bundle(name: string): string {
  const path = repoPath('dist', name);
  assert.ok(existsSync(path), `${path} is missing: run \`node esbuild.mjs\` first`);
  return readFileSync(path, 'utf8');
}

test('the test process forbids code generation from strings (--disallow-code-generation-from-strings)', () => {
  // `Function` is looked up at run time so no bundler or linter sees a literal `new Function` here.
  const Construct = globalThis['Function' as 'Function'];
  assert.throws(() => new Construct('return 1'), EvalError);
  assert.throws(() => (0, eval)('1'), EvalError);
});

for (const name of ['server.js', 'cli.js']) {
  test(`dist/${name} contains no eval( and no new Function`, () => {
    const text = bundle(name);
    assert.equal(text.match(/(?<![\w$.])eval\s*\(/g), null);
    assert.equal(text.match(/new\s+Function\s*\(/g), null);
    assert.equal(text.match(/(?<![\w$.])Function\s*\(\s*["'`]/g), null, 'Function("…") called as a function');
  });
}

/** `crmteam diff <revision>` runs `git` (git diff, git show), from this one module and nowhere else. */
const GIT_RUNNER = 'server/src/cli/git.ts';

test('dist/cli.js uses no network or code-loading module, and starts processes only to run git', () => {
  bundle('cli.js');
  const uses = builtinUses('cli.js');
  assert.ok(uses.length > 0, 'the bundle was read');
  assert.deepEqual(uses.filter((u) => [...NETWORK, 'cluster'].includes(u.module)), []);
  assert.deepEqual(uses.filter((u) => u.module === 'child_process').map((u) => u.from), [GIT_RUNNER]);
  // `module` appears once: fdir (under tinyglobby) builds a `require` for its optional picomatch.
  assert.deepEqual(uses.filter((u) => u.module === 'module').map((u) => u.from), ['node_modules/fdir/dist/index.mjs']);
});

test('dist/server.js: `net` only in vscode-jsonrpc\'s socket and pipe transports, `child_process` only in vscode-languageserver\'s module resolver; no http, https, tls, dgram, dns, vm', () => {
  bundle('server.js');
  const uses = builtinUses('server.js');
  const of = (module: string) => uses.filter((u) => u.module === module).map((u) => u.from);
  assert.deepEqual(of('net'), ['node_modules/vscode-languageserver/node_modules/vscode-jsonrpc/lib/node/main.js']);
  assert.deepEqual(of('child_process'), ['node_modules/vscode-languageserver/lib/node/files.js']);
  for (const module of NETWORK.filter((m) => m !== 'net')) assert.deepEqual(of(module), [], module);
  assert.deepEqual(of('cluster'), []);
});

test('none of our own sources imports a network or process module (git\'s runner for crmteam diff aside)', () => {
  const uses = [...builtinUses('server.js'), ...builtinUses('cli.js')].filter((u) => !u.from.startsWith('node_modules/') && u.from !== GIT_RUNNER);
  assert.deepEqual(uses.filter((u) => [...NETWORK, 'child_process', 'cluster'].includes(u.module)), []);
});
