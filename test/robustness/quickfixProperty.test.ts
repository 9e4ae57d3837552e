// A property over every plan the project has (examples, rule fixtures, LSP and schema fixtures, e2e workspace):
// every quick-fix the server offers for every diagnostic, applied alone, leaves YAML that parses, keeps every
// comment (on its own line or at the end of one), and removes the finding it was offered for.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { analyze } from '../../server/src/engine/analyze';
import type { Finding } from '../../server/src/core/finding';
import { comments, isSuppression } from '../harness/check';
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

const count = (findings: readonly Finding[], code: string) => findings.filter((f) => f.ruleId === code).length;

test('every quick-fix on every plan parses, keeps every comment and removes its finding', { timeout: 300_000 }, async () => {
  const pair = await LspPair.start();
  let checked = 0;
  try {
    for (const [index, plan] of plans().entries()) {
      const uri = `file:///property/${index}.crmteam.yaml`;
      await pair.open(uri, plan.text);
      const diagnostics = await pair.pullItems(uri);
      const document = TextDocument.create(uri, 'crmteam-yaml', 1, plan.text);
      const syntaxBefore = count(analyze(plan.text).findings, 'yaml-syntax');
      for (const diagnostic of diagnostics) {
        const actions = await pair.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] },
        });
        for (const action of actions) {
          const where = `${plan.name}: "${action.title}" for ${String(diagnostic.code)} "${diagnostic.message}"`;
          const after = TextDocument.applyEdits(document, editsFor(uri, action.edit));
          const findings = analyze(after).findings;
          assert.ok(count(findings, 'yaml-syntax') <= syntaxBefore, `${where} broke the YAML:\n${after}`);
          // "Ignore … on this line" adds or extends a suppression comment, and an unused suppression's fix removes one:
          // those two may change suppression comments. Every other comment, own-line or end-of-line, stays as it was.
          const mayTouchSuppressions = action.title.startsWith('Ignore ') || diagnostic.code === 'unused-suppression';
          const kept = (t: string) => comments(t).filter((c) => !mayTouchSuppressions || !isSuppression(c));
          assert.deepEqual(kept(after), kept(plan.text), `${where} lost or moved a comment:\n${after}`);
          assert.ok(!stillThere(findings, diagnostic), `${where} did not remove its finding:\n${after}`);
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
function stillThere(after: readonly Finding[], diagnostic: Diagnostic): boolean {
  return after.some((f) => f.ruleId === diagnostic.code && f.message === diagnostic.message);
}
