// Nothing copied: no six-word run of any text the project ships appears in any of the five source articles. The
// texts: every guidance text and hover of the knowledge base, every rule's summary, rationale and how-to-fix, every
// finding message and fix title the engine gives on the example plans and on every fixture, the string literals of
// the engine's sources (so that a message no fixture reaches is covered too), the rule pages, the schema's titles and
// descriptions, package.json's descriptions, the README, the CHANGELOG and every page under docs/ (docs/format.md
// included). The articles are not in the repository: test/fixtures/seeds-shingles.json holds their hashed shingles
// (scripts/seed-shingles.mjs).
//
// Allowed: the articles' titles (citations name them on purpose; a title may drop its leading question word, as in
// "the article on the place of IT in CRM initiatives"), and the single technical terms below, each a name for a thing
// rather than a way of saying something.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import shingleFixture from '../fixtures/seeds-shingles.json';
import { analyze } from '../../server/src/engine/analyze';
import { ACTIVITY_GUIDANCE } from '../../server/src/knowledge/activities';
import {
  activityHoverMarkdown,
  affiliationHoverMarkdown,
  departmentHoverMarkdown,
  projectFieldHoverMarkdown,
  roleHoverMarkdown,
  techFunctionHoverMarkdown,
} from '../../server/src/knowledge/markdown';
import { ROLE_GUIDANCE, TECH_FUNCTION_GUIDANCE } from '../../server/src/knowledge/roles';
import { SOURCE_IDS, SOURCES } from '../../server/src/knowledge/sources';
import * as vocabulary from '../../server/src/knowledge/fields';
import { RULES } from '../../server/src/rules/index';
import { repoPath } from '../harness/repo';

interface ShingleFixture {
  shingleWords: number;
  hashChars: number;
  check: { text: string; hashes: string[] };
  articles: Record<string, { count: number; hashes: string }>;
}
const fixture: ShingleFixture = shingleFixture;

/** Single technical terms: names of things that happen to be six words or run into six-word shingles. Keep short. */
const TECHNICAL_TERMS: readonly string[] = [];

// --- Shingles: must match scripts/seed-shingles.mjs exactly. ---

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`\\]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

function hash(shingle: string): string {
  return createHash('sha256').update(shingle).digest('base64url').slice(0, fixture.hashChars);
}

function shingles(text: string): { shingle: string; hash: string }[] {
  const out: { shingle: string; hash: string }[] = [];
  // An allowed phrase breaks the text: no shingle runs through it.
  for (const part of allowedRemoved(text)) {
    const w = words(part);
    for (let i = 0; i + fixture.shingleWords <= w.length; i++) {
      const shingle = w.slice(i, i + fixture.shingleWords).join(' ');
      out.push({ shingle, hash: hash(shingle) });
    }
  }
  return out;
}

/** The titles, also without a leading question word: "the article on the place of IT in CRM initiatives (001)". */
const ALLOWED: readonly string[] = [
  ...[...SOURCES.values()].flatMap((s) => [s.title, s.title.replace(/^(What|Whose)\S*\s+/i, '')]),
  ...TECHNICAL_TERMS,
];

function allowedRemoved(text: string): string[] {
  let parts = [text];
  for (const phrase of ALLOWED) {
    const pattern = new RegExp(words(phrase).join('[^a-z0-9]+'), 'gi');
    parts = parts.flatMap((p) => p.normalize('NFKD').replace(/['’‘`\\]/g, '').split(pattern));
  }
  return parts;
}

const ARTICLES: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(fixture.articles).map(([id, a]) => {
    const set = new Set<string>();
    for (let i = 0; i < a.hashes.length; i += fixture.hashChars) set.add(a.hashes.slice(i, i + fixture.hashChars));
    return [id, set];
  }),
);

// --- Every shipped text, labelled by where it comes from. ---

interface Text { readonly label: string; readonly text: string }

/** Every string inside a value, however deeply nested in maps, arrays and objects. */
function stringsIn(value: unknown, label: string, out: Text[], seen = new Set<unknown>()): void {
  if (typeof value === 'string') {
    out.push({ label, text: value });
  } else if (value && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
    for (const [key, v] of entries) stringsIn(v, `${label}.${String(key)}`, out, seen);
  }
}

function knowledgeTexts(): Text[] {
  const out: Text[] = [];
  stringsIn(ROLE_GUIDANCE, 'knowledge roles', out);
  stringsIn(TECH_FUNCTION_GUIDANCE, 'knowledge functions', out);
  stringsIn(ACTIVITY_GUIDANCE, 'knowledge activities', out);
  stringsIn(vocabulary, 'knowledge vocabulary', out);
  for (const s of SOURCES.values()) out.push({ label: `source ${s.id} summary`, text: s.summary });
  const hovers: [string, string | undefined][] = [];
  for (const k of ROLE_GUIDANCE.keys()) hovers.push([`hover role ${k}`, roleHoverMarkdown(k, '')]);
  for (const k of TECH_FUNCTION_GUIDANCE.keys()) hovers.push([`hover function ${k}`, techFunctionHoverMarkdown(k, '')]);
  for (const k of ACTIVITY_GUIDANCE.keys()) hovers.push([`hover activity ${k}`, activityHoverMarkdown(k, '')]);
  for (const [k, f] of vocabulary.PROJECT_FIELD_GUIDANCE) {
    hovers.push([`hover project ${k}`, projectFieldHoverMarkdown(k, '')]);
    for (const v of f.values.keys()) hovers.push([`hover project ${k}: ${v}`, projectFieldHoverMarkdown(k, '', v)]);
  }
  for (const v of vocabulary.DEPARTMENT_GUIDANCE.keys()) hovers.push([`hover department ${v}`, departmentHoverMarkdown(v, '')]);
  for (const v of vocabulary.AFFILIATION_GUIDANCE.keys()) hovers.push([`hover affiliation ${v}`, affiliationHoverMarkdown(v, '')]);
  for (const [label, md] of hovers) if (md !== undefined) out.push({ label, text: md });
  return out;
}

function ruleTexts(): Text[] {
  const out: Text[] = [];
  for (const rule of RULES) {
    const { summary, rationale, howToFix } = rule.meta.docs;
    out.push({ label: `rule ${rule.meta.id} summary`, text: summary });
    out.push({ label: `rule ${rule.meta.id} rationale`, text: rationale });
    out.push({ label: `rule ${rule.meta.id} howToFix`, text: howToFix });
  }
  return out;
}

function filesUnder(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path, suffix));
    else if (name.endsWith(suffix)) found.push(path);
  }
  return found;
}

/** The plans the engine's messages are rendered on: the examples and every fixture plan. */
function fixturePlans(): string[] {
  return [
    ...filesUnder(repoPath('examples'), '.yaml'),
    ...filesUnder(repoPath('test', 'rules'), '.yaml'),
    ...filesUnder(repoPath('test', 'fixtures', 'yaml-errors'), '.yaml'),
    ...filesUnder(repoPath('test', 'fixtures', 'schema'), '.yaml'),
  ];
}

function messageTexts(): Text[] {
  const out: Text[] = [];
  const seen = new Set<string>();
  const add = (label: string, text: string) => {
    if (seen.has(text)) return;
    seen.add(text);
    out.push({ label, text });
  };
  for (const path of fixturePlans()) {
    const name = path.slice(repoPath('').length);
    for (const f of analyze(readFileSync(path, 'utf8')).findings) {
      add(`message on ${name} (${f.ruleId})`, f.message);
      for (const fix of f.fixes) add(`fix title on ${name} (${f.ruleId})`, fix.title);
    }
  }
  for (const rule of RULES) {
    for (const example of [rule.meta.docs.bad, rule.meta.docs.good]) {
      for (const f of analyze(example).findings) add(`message on the docs example of ${rule.meta.id} (${f.ruleId})`, f.message);
    }
  }
  return out;
}

/**
 * The string literals of the engine's sources, adjacent literals joined by `+` taken as one text; `${…}` in a
 * template breaks the text. Covers messages that no fixture reaches.
 */
function sourceLiterals(): Text[] {
  const out: Text[] = [];
  for (const path of filesUnder(repoPath('server', 'src'), '.ts')) {
    const source = readFileSync(path, 'utf8').replace(/^\s*\/\/.*$/gm, '');
    const literal = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;
    const chain = new RegExp(`(?:${literal.source})(?:\\s*\\+\\s*(?:${literal.source}))*`, 'g');
    for (const m of source.matchAll(chain)) {
      const text = [...m[0].matchAll(literal)].map((l) => l[0].slice(1, -1).replace(/\$\{[^}]*\}/g, ' | ')).join('');
      if (words(text).length >= fixture.shingleWords) out.push({ label: `literal in ${path.slice(repoPath('').length)}`, text });
    }
  }
  return out;
}

function schemaTexts(): Text[] {
  const out: Text[] = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${path}[${i}]`));
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string' && /^(title|description|markdownDescription|errorMessage)$/.test(key)) {
          out.push({ label: `schema ${path}.${key}`, text: value });
        } else if (Array.isArray(value) && /EnumDescriptions$/i.test(key)) {
          value.forEach((v, i) => typeof v === 'string' && out.push({ label: `schema ${path}.${key}[${i}]`, text: v }));
        } else {
          walk(value, `${path}.${key}`);
        }
      }
    }
  };
  walk(JSON.parse(readFileSync(repoPath('schemas', 'crmteam.schema.json'), 'utf8')), '');
  const pkg = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as unknown;
  stringsIn(pkg, 'package.json', out);
  return out;
}

function documentTexts(): Text[] {
  const paths = [repoPath('README.md'), repoPath('CHANGELOG.md'), ...filesUnder(repoPath('docs'), '.md')];
  return paths.filter(existsSync).map((path) => ({ label: path.slice(repoPath('').length), text: readFileSync(path, 'utf8') }));
}

function copies(texts: readonly Text[]): string[] {
  const found: string[] = [];
  for (const { label, text } of texts) {
    for (const { shingle, hash: h } of shingles(text)) {
      for (const [id, hashes] of ARTICLES) if (hashes.has(h)) found.push(`${label}: "${shingle}" (article ${id})`);
    }
  }
  return [...new Set(found)];
}

describe('our own words: no six-word run of an article in any shipped text', () => {
  test('the shingle fixture matches this test’s normalisation and hash, at six words', () => {
    assert.equal(fixture.shingleWords, 6);
    const check = words(fixture.check.text);
    const hashes = [];
    for (let i = 0; i + 6 <= check.length; i++) hashes.push(hash(check.slice(i, i + 6).join(' ')));
    assert.deepEqual(hashes, fixture.check.hashes);
    assert.deepEqual(Object.keys(fixture.articles).sort(), [...SOURCE_IDS]);
    for (const [id, a] of Object.entries(fixture.articles)) {
      assert.ok(a.count > 100, `article ${id} has shingles`);
      assert.equal(a.hashes.length, a.count * fixture.hashChars, `article ${id} fixture is well formed`);
    }
  });

  test('the check finds a copied run, and only outside the allowed titles', () => {
    // Six words of article 000's first sentence, and the same words broken by a title: the test can fail.
    const copied = copies([{ label: 'probe', text: 'Note: the IT owner is the counterpart of the business side.' }]);
    assert.ok(copied.length > 0, "the probe is found");
    assert.deepEqual(copies([{ label: 'title', text: '“CRM team: The IT Owner” (article 000)' }]), []);
  });

  const sets: [string, () => Text[]][] = [
    ['knowledge texts and hovers', knowledgeTexts],
    ['rule summaries, rationales and how-to-fix texts', ruleTexts],
    ['finding messages and fix titles on the examples and every fixture', messageTexts],
    ['string literals of the engine', sourceLiterals],
    ['schema titles and descriptions, package.json', schemaTexts],
    ['README, CHANGELOG, rule pages and docs/', documentTexts],
  ];
  for (const [name, collect] of sets) {
    test(name, () => {
      const texts = collect();
      assert.ok(texts.length > 0, 'there are texts to check');
      const found = copies(texts);
      assert.deepEqual(found, [], `texts that reuse an article's wording:\n${found.join('\n')}`);
    });
  }
});
