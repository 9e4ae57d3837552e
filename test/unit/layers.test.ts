// The layers of server/src, enforced (ARCHITECTURE.md, "Layers"). This list is the one definition of their order:
// a folder may import its own files and those of the folders before it, never one after it or beside it. The
// engine (every folder up to `engine`) imports no Node built-in and nothing of LSP, so it runs anywhere.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { repoPath } from '../harness/repo';

/** Bottom first. Folders in one inner list are siblings: neither may import the other. */
export const LAYERS: readonly (readonly string[])[] = [
  ['core'],
  ['format'],
  ['model'],
  ['schema'],
  ['plan'],
  ['knowledge'],
  ['rules'],
  ['engine'],
  ['scope'],
  ['overview'],
  ['common'],
  ['features'],
  ['cli', 'lsp'],
];

/** The engine: pure functions of text and options. */
const ENGINE_TOP = 'engine';

/** Packages the engine may not import: the language server protocol and its libraries. */
const LSP_PACKAGE = /^vscode-(languageserver|jsonrpc|uri)/;

interface SourceFile {
  /** Path below server/src, with `/` separators. */
  readonly path: string;
  readonly text: string;
}

const rank = new Map(LAYERS.flatMap((group, index) => group.map((folder) => [folder, index] as const)));
const engineRank = rank.get(ENGINE_TOP)!;
const NODE_BUILTINS = new Set(builtinModules);

function folderOf(path: string): string {
  return path.split('/')[0]!;
}

/** Every import that breaks the layering, as `file: reason` lines. */
export function violations(files: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const from = folderOf(file.path);
    const fromRank = rank.get(from);
    if (fromRank === undefined) {
      problems.push(`${file.path}: the folder ${from}/ has no layer; add it to LAYERS in test/unit/layers.test.ts and to ARCHITECTURE.md`);
      continue;
    }
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith('.')) {
        const target = relative('/src', resolve('/src', dirname(file.path), specifier)).split(sep).join('/');
        if (target.startsWith('..')) continue; // outside server/src: the schema JSON
        const to = folderOf(target);
        if (to === from) continue;
        const toRank = rank.get(to);
        if (toRank === undefined) problems.push(`${file.path}: imports ${specifier}, in a folder with no layer`);
        else if (toRank > fromRank) problems.push(`${file.path}: ${from}/ imports ${to}/ (${specifier}), a higher layer`);
        else if (toRank === fromRank) problems.push(`${file.path}: ${from}/ imports ${to}/ (${specifier}), a sibling layer`);
      } else if (fromRank <= engineRank) {
        const bare = specifier.replace(/^node:/, '');
        if (specifier.startsWith('node:') || NODE_BUILTINS.has(bare.split('/')[0]!)) problems.push(`${file.path}: the engine imports the Node module ${specifier}`);
        if (LSP_PACKAGE.test(specifier)) problems.push(`${file.path}: the engine imports the LSP package ${specifier}`);
      }
    }
  }
  return problems;
}

/** Every module a file names: static imports and re-exports, `import()`, `require()`, `import x = require()`. */
function importsOf(file: SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isExternalModuleReference(node) && ts.isStringLiteral(node.expression)) {
      found.push(node.expression.text);
    } else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      const [first] = node.arguments;
      if (first && ts.isStringLiteralLike(first)) found.push(first.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS));
  return found;
}

function sourceFiles(dir: string, base = dir): SourceFile[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path, base);
    if (!name.endsWith('.ts')) return [];
    return [{ path: relative(base, path).split(sep).join('/'), text: readFileSync(path, 'utf8') }];
  });
}

test('server/src keeps its layers: no import goes up or sideways, the engine imports no Node or LSP module', () => {
  const files = sourceFiles(repoPath('server', 'src'));
  assert.ok(files.length > 50);
  assert.deepEqual(violations(files), []);
});

test('every folder of server/src has a layer, and every layer a folder', () => {
  const folders = readdirSync(repoPath('server', 'src')).filter((name) => statSync(repoPath('server', 'src', name)).isDirectory()).sort();
  assert.deepEqual(folders, [...rank.keys()].sort());
});

test('the check catches each kind of break', () => {
  const found = violations([
    { path: 'model/edits.ts', text: "import { ROLE_KEYS } from '../plan/vocabulary';" },
    { path: 'cli/main.ts', text: "import { startServer } from '../lsp/server';" },
    { path: 'core/x.ts', text: "import { readFileSync } from 'node:fs';\nimport type { Range } from 'vscode-languageserver-types';" },
    { path: 'rules/y.ts', text: "export { join } from 'path';\nconst later = import('../features/hover');" },
    { path: 'web/entry.ts', text: '' },
    { path: 'lsp/fine.ts', text: "import { Worker } from 'node:worker_threads';\nimport { analyze } from '../engine/analyze';" },
    { path: 'features/completion/lines.ts', text: "import type { LineIndex } from '../../core/lines';\nimport { x } from './edit';" },
    { path: 'plan/late.ts', text: "const pattern = /[`'\"]/g;\nconst s = `${pattern}`;\nimport '../rules/index';\nconst r = require('fs');" },
  ]);
  assert.deepEqual(found, [
    'model/edits.ts: model/ imports plan/ (../plan/vocabulary), a higher layer',
    'cli/main.ts: cli/ imports lsp/ (../lsp/server), a sibling layer',
    'core/x.ts: the engine imports the Node module node:fs',
    'core/x.ts: the engine imports the LSP package vscode-languageserver-types',
    'rules/y.ts: the engine imports the Node module path',
    'rules/y.ts: rules/ imports features/ (../features/hover), a higher layer',
    'web/entry.ts: the folder web/ has no layer; add it to LAYERS in test/unit/layers.test.ts and to ARCHITECTURE.md',
    'plan/late.ts: plan/ imports rules/ (../rules/index), a higher layer',
    'plan/late.ts: the engine imports the Node module fs',
  ]);
});
