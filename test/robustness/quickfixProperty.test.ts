// A property over every plan the project has (examples, rule fixtures, LSP and schema fixtures, e2e workspace):
// every quick-fix the server offers for every diagnostic, applied alone, leaves YAML that parses, keeps every
// comment line, and removes the finding it was offered for.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { analyze } from '../../server/src/engine/analyze';
import { repoPath } from '../harness/repo';
import { editsFor, LspPair } from '../lsp/lspPair';

function plans(): { name: string; text: string }[] {
  const found: { name: string; text: string }[] = [];
  const addDir = (dir: string, filter: (f: string) => boolean = (f) => /\.ya?ml$/.test(f)) => {
    if (!existsSync(dir)) return;
    for (const file of readdirSync(dir).filter(filter).sort()) found.push({ name: join(dir, file), text: readFileSync(join(dir, file), 'utf8') });
  };
  addDir(repoPath('examples'));
  addDir(repoPath('test/fixtures/lsp'));
  addDir(repoPath('test/fixtures/schema/invalid'));
  addDir(repoPath('test/e2e/workspace'));
  for (const rule of readdirSync(repoPath('test/rules')).sort()) addDir(repoPath('test/rules', rule), (f) => f === 'invalid.yaml' || f === 'valid.yaml');
  return found;
}

const comments = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.startsWith('#') && !l.includes('crmteam-disable'));
const count = (text: string, code: string) => analyze(text).findings.filter((f) => f.ruleId === code).length;

test('every quick-fix on every plan parses, keeps comments and removes its finding', { timeout: 300_000 }, async () => {
  const pair = await LspPair.start();
  let checked = 0;
  try {
    for (const [index, plan] of plans().entries()) {
      const uri = `file:///property/${index}.crmteam.yaml`;
      await pair.open(uri, plan.text);
      const diagnostics = await pair.pullItems(uri);
      const document = TextDocument.create(uri, 'crmteam-yaml', 1, plan.text);
      const syntaxBefore = count(plan.text, 'yaml-syntax');
      for (const diagnostic of diagnostics) {
        const actions = await pair.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] },
        });
        for (const action of actions) {
          const where = `${plan.name}: "${action.title}" for ${String(diagnostic.code)} "${diagnostic.message}"`;
          const after = TextDocument.applyEdits(document, editsFor(uri, action.edit));
          assert.ok(count(after, 'yaml-syntax') <= syntaxBefore, `${where} broke the YAML:\n${after}`);
          assert.deepEqual(comments(after), comments(plan.text), `${where} lost a comment`);
          assert.ok(!stillThere(after, diagnostic), `${where} did not remove its finding:\n${after}`);
          checked++;
        }
      }
      await pair.close(uri);
    }
  } finally {
    await pair.dispose();
  }
  assert.ok(checked > 200, `only ${checked} quick-fixes were checked`);
});

/** The finding is still reported: the same rule with the same message, as often as before. */
function stillThere(after: string, diagnostic: Diagnostic): boolean {
  const findings = analyze(after).findings.filter((f) => f.ruleId === diagnostic.code);
  return findings.some((f) => f.message === diagnostic.message);
}
