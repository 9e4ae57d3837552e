// Every file of the repository points only at files in the repository, and what ships points only at what ships.
// The design documents the project was built from are not in the repository: no comment, test or page may send a
// reader to them. The format's contract for users is docs/format.md; the decisions the code relies on are in
// ARCHITECTURE.md.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, posix } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT, readRepoFile } from '../../harness/repo';

/** The tracked files of the repository (what `git ls-files` lists and the work tree holds). */
function trackedFiles(): string[] {
  const r = spawnSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, `git ls-files failed: ${r.stderr}`);
  return r.stdout.split('\0').filter((f) => f !== '' && existsSync(join(REPO_ROOT, f)));
}

const BINARY = new Set(['.png', '.vsix', '.ico', '.jpg', '.gif', '.woff', '.woff2']);

function textOf(file: string): string | undefined {
  if (BINARY.has(extname(file))) return undefined;
  const text = readFileSync(join(REPO_ROOT, file), 'utf8');
  return text.includes('\0') ? undefined : text;
}

interface Hit {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

function hits(files: readonly string[], pattern: RegExp): Hit[] {
  const found: Hit[] = [];
  for (const file of files) {
    const text = textOf(file);
    if (text === undefined) continue;
    text.split(/\r?\n/).forEach((line, i) => {
      if (new RegExp(pattern.source, pattern.flags.replace('g', '')).test(line)) {
        found.push({ file, line: i + 1, text: line.trim().slice(0, 160) });
      }
    });
  }
  return found;
}

const show = (list: readonly Hit[]): string => list.map((h) => `${h.file}:${h.line}: ${h.text}`).join('\n');

/** Shell-style glob of .vscodeignore and package.json `files` (`**`, `*`, a trailing `/` for a folder). */
function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/\/$/, '/**')
    .split(/(\*\*\/?|\*)/)
    .map((part) => (part === '**' || part === '**/' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`);
}

/** The tracked files that ship in the .vsix (.vscodeignore is an allow-list: `**`, then `!` lines). */
function vsixFiles(tracked: readonly string[]): string[] {
  const allowed = readRepoFile('.vscodeignore')
    .split(/\r?\n/)
    .filter((l) => l.startsWith('!'))
    .map((l) => globToRegExp(l.slice(1).trim()));
  return tracked.filter((f) => allowed.some((re) => re.test(f)));
}

/** The tracked files that ship in the npm package (package.json `files`, plus package.json itself). */
function npmFiles(tracked: readonly string[]): string[] {
  const patterns = (JSON.parse(readRepoFile('package.json')) as { files: string[] }).files.map(globToRegExp);
  return tracked.filter((f) => f === 'package.json' || patterns.some((re) => re.test(f)));
}

/** The relative links of a Markdown file: `[text](target)`, without anchors; external and in-page links left out. */
function relativeLinks(markdown: string): { target: string; line: number }[] {
  const links: { target: string; line: number }[] = [];
  markdown.split(/\r?\n/).forEach((line, i) => {
    for (const m of line.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = m[1]!.split('#')[0]!;
      if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      links.push({ target, line: i + 1 });
    }
  });
  return links;
}

/** Whether `target`, relative to `from`, is one of `files` or a folder holding some of them. */
function resolves(from: string, target: string, files: ReadonlySet<string>): boolean {
  const path = posix.normalize(posix.join(posix.dirname(from), decodeURIComponent(target))).replace(/\/$/, '');
  if (path.startsWith('..')) return false;
  if (files.has(path)) return true;
  const prefix = `${path}/`;
  return [...files].some((f) => f.startsWith(prefix));
}

const tracked = trackedFiles();

test('the tracked files are found', () => {
  for (const f of ['README.md', 'docs/format.md', 'ARCHITECTURE.md', 'server/src/engine/analyze.ts']) {
    assert.ok(tracked.includes(f), `${f} is tracked`);
  }
});

test('no tracked file names a design document that is not in the repository', () => {
  // The design notes the project started from (the rules, format, style, ecosystem and workspace notes, each an
  // upper-case name with `.md`) live outside the repository; the user's reference is docs/format.md (lower case)
  // and the decisions are in ARCHITECTURE.md. A note that joins the repository may be named again.
  const names = ['RULES', 'FORMAT', 'STYLE', 'ECOSYSTEM', 'WORKSPACE'].filter(
    (n) => !tracked.some((f) => posix.basename(f) === `${n}.md`),
  );
  const found = hits(tracked, new RegExp(`\\b(${names.join('|')})\\.md\\b`));
  assert.deepEqual(found, [], `these lines name a file outside the repository:\n${show(found)}`);
});

test('no tracked file points at the folders beside the repository', () => {
  // The design notes, the editor recipes, the source articles and the YAML Test Suite's sources sit in a folder beside
  // the repository; only the two scripts that import from there (and the fixture one of them writes) may name it.
  const importers = new Set(['scripts/seed-shingles.mjs', 'scripts/import-yaml-test-suite.mjs', 'test/fixtures/seeds-shingles.json']);
  const found = hits(tracked.filter((f) => !importers.has(f)), /(\.\.\/shared\b|\bshared\/(design|seeds|recipes|corpora)\b|\/work\/)/);
  assert.deepEqual(found, [], `these lines point outside the repository:\n${show(found)}`);
});

test('what ships names no folder beside the repository', () => {
  const shipped = [...new Set([...vsixFiles(tracked), ...npmFiles(tracked)])];
  assert.ok(shipped.includes('docs/format.md') && shipped.includes('docs/rules/schema.md'), 'the pages ship');
  const bundles = ['dist/server.js', 'dist/cli.js', 'dist/extension.js'].filter((f) => existsSync(join(REPO_ROOT, f)));
  const found = hits([...shipped, ...bundles], /(\.\.\/shared\b|\bshared\/(design|seeds|recipes|corpora)\b|\/work\/)/);
  assert.deepEqual(found, [], `shipped files point outside the package:\n${show(found)}`);
});

test('every relative link in a tracked Markdown file leads to a tracked file', () => {
  const files = new Set(tracked);
  const broken: string[] = [];
  for (const file of tracked.filter((f) => f.endsWith('.md'))) {
    for (const { target, line } of relativeLinks(readRepoFile(file))) {
      if (!resolves(file, target, files)) broken.push(`${file}:${line}: ${target}`);
    }
  }
  assert.deepEqual(broken, []);
});

test('the pages that ship link only to files that ship with them', () => {
  // The rule pages open from diagnostics and docs/format.md from hovers, in the installed extension and in the npm
  // package, and the npm package's README is its page on the registry: a link to a file that stayed in the
  // repository would be dead there.
  for (const [name, shipped] of [['.vsix', vsixFiles(tracked)], ['npm package', npmFiles(tracked)]] as const) {
    const files = new Set(shipped);
    // The .vsix's README is rewritten at packaging (scripts/package.mjs); the npm package's ships as it is.
    const pages = shipped.filter((f) => (f.startsWith('docs/') && f.endsWith('.md')) || (name === 'npm package' && f === 'README.md'));
    for (const page of ['docs/format.md', 'docs/editors.md', 'docs/workspace.md']) {
      assert.ok(pages.includes(page), `${page} ships in the ${name}`);
    }
    const broken: string[] = [];
    for (const page of pages) {
      for (const { target, line } of relativeLinks(readRepoFile(page))) {
        if (!resolves(page, target, files)) broken.push(`${page}:${line}: ${target}`);
      }
    }
    assert.deepEqual(broken, [], `links from shipped pages to files the ${name} does not carry`);
  }
});

test('the format reference is linked from the README and from every rule page that rests on the format', () => {
  assert.match(readRepoFile('README.md'), /\]\(docs\/format\.md\)/);
  const pages = tracked.filter((f) => f.startsWith('docs/rules/') && f.endsWith('.md'));
  const onFormat = pages.filter((p) => /\| Rests on \| the \[`\.crmteam\.yaml` format\]\(\.\.\/format\.md\) \|/.test(readRepoFile(p)));
  assert.ok(onFormat.includes('docs/rules/schema.md') && onFormat.includes('docs/rules/unknown-person.md'), onFormat.join(', '));
});

// Keeps the helpers honest: the checks above would pass on nothing if the globs or link parsing matched nothing.
test('helpers: globs, links and resolution', () => {
  assert.ok(globToRegExp('docs/rules/*.md').test('docs/rules/schema.md'));
  assert.ok(!globToRegExp('docs/rules/*.md').test('docs/rules/x/schema.md'));
  assert.ok(globToRegExp('schemas/').test('schemas/crmteam.schema.json'));
  assert.deepEqual(relativeLinks('see [a](../format.md#x), [b](https://x.test/y.md) and [c](#top)\n[d](rules)'), [
    { target: '../format.md', line: 1 },
    { target: 'rules', line: 2 },
  ]);
  const files = new Set(['docs/format.md', 'docs/rules/schema.md']);
  assert.ok(resolves('docs/rules/schema.md', '../format.md', files));
  assert.ok(resolves('docs/format.md', 'rules', files));
  assert.ok(!resolves('docs/format.md', '../ARCHITECTURE.md', files));
  assert.ok(!resolves('README.md', '../outside/notes.md', files));
});
