// The knowledge base: complete for every role, function and activity of docs/format.md, citing only real articles and
// real rule ids, rendering useful Markdown, and never reusing the articles' wording (no 8-word run of any of our
// texts appears in any article; see scripts/seed-shingles.mjs for how the fixture is built).

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import shingleFixture from '../../fixtures/seeds-shingles.json';
import { ACTIVITY_GUIDANCE, ACTIVITY_KEYS } from '../../../server/src/knowledge/activities';
import {
  activityHoverMarkdown,
  affiliationHoverMarkdown,
  departmentHoverMarkdown,
  projectFieldHoverMarkdown,
  roleHoverMarkdown,
  ruleLink,
  techFunctionHoverMarkdown,
} from '../../../server/src/knowledge/markdown';
import {
  ROLE_GUIDANCE,
  ROLE_KEYS,
  TECH_FUNCTION_GUIDANCE,
  TECH_FUNCTION_KEYS,
} from '../../../server/src/knowledge/roles';
import { cite, SOURCE_IDS, SOURCES, type SourceId } from '../../../server/src/knowledge/sources';
import { RULES } from '../../../server/src/rules/index';
import {
  ACTIVITY_FIELD_GUIDANCE,
  AFFILIATION_GUIDANCE,
  ASSIGNMENT_FIELD_GUIDANCE,
  DEPARTMENT_GUIDANCE,
  PARTNER_FIELD_GUIDANCE,
  PROJECT_FIELD_GUIDANCE,
  TERM_GUIDANCE,
} from '../../../server/src/knowledge/fields';

// --- The contract, copied from docs/format.md and the rule registry. ---

const FORMAT_ROLES = [
  'executiveSponsor', 'businessOwners', 'itOwner', 'projectManager', 'champion',
  'superUsers', 'technicalStaff', 'supportTeam', 'trainers',
];
const FORMAT_TECH_FUNCTIONS = [
  'systemAdministration', 'databaseAdministration', 'networkManagement',
  'applicationProgramming', 'uiDesign', 'webDesign',
];
const FORMAT_ACTIVITIES = [
  'requirements', 'toolSelection', 'integratorSelection', 'referenceChecks', 'installation', 'customization',
  'integration', 'environments', 'testing', 'dataMigration', 'training', 'dataQuality', 'rolloutSupport',
  'ongoingSupport', 'vision',
];
const FORMAT_PROJECT_FIELDS: Record<string, readonly string[]> = {
  name: [],
  companySize: ['small', 'medium', 'large', 'enterprise'],
  deploymentSize: ['small', 'medium', 'large'],
  delivery: ['in-house', 'integrator'],
  scope: ['departmental', 'enterprise-wide'],
  complexity: ['minimal', 'standard', 'complex'],
  customerFacing: ['true', 'false'],
  integrations: [],
  phase: ['selection', 'implementation', 'rollout', 'operation'],
};
const FORMAT_DEPARTMENTS = ['sales', 'marketing', 'customer-service', 'operations', 'finance', 'executive', 'it', 'other'];
const FORMAT_AFFILIATIONS = ['internal', 'integrator', 'vendor', 'consultant'];

// The registry is the one list of rule ids.
const RULE_IDS: readonly string[] = RULES.map((r) => r.meta.id);

// --- Everything the knowledge base says, as (label, text, sources, rules) records. ---

interface Piece {
  readonly label: string;
  readonly texts: readonly string[];
  readonly sources: readonly SourceId[];
  readonly rules: readonly string[];
}

function pieces(): Piece[] {
  const out: Piece[] = [];
  for (const g of [...ROLE_GUIDANCE.values(), ...TECH_FUNCTION_GUIDANCE.values()]) {
    const extra = 'requiredWhen' in g && typeof g.requiredWhen === 'string' ? [g.requiredWhen] : [];
    out.push({
      label: `role ${g.key}`,
      texts: [g.title, g.purpose, ...g.responsibilities, ...g.needs, g.time, ...(g.pitfalls ?? []), ...extra],
      sources: g.sources,
      rules: g.rules,
    });
  }
  for (const g of ACTIVITY_GUIDANCE.values()) {
    out.push({ label: `activity ${g.key}`, texts: [g.title, g.what, g.owner, g.participants], sources: g.sources, rules: g.rules });
  }
  const fieldMaps = { project: PROJECT_FIELD_GUIDANCE, activity: ACTIVITY_FIELD_GUIDANCE, partner: PARTNER_FIELD_GUIDANCE, assignment: ASSIGNMENT_FIELD_GUIDANCE };
  for (const [kind, map] of Object.entries(fieldMaps)) {
    for (const f of map.values()) {
      out.push({ label: `${kind} field ${f.key}`, texts: [f.title, f.meaning, f.effect], sources: f.sources, rules: f.rules });
      for (const v of f.values.values()) {
        out.push({ label: `${kind} field ${f.key}: ${v.value}`, texts: [v.meaning, v.effect], sources: v.sources, rules: v.rules });
      }
    }
  }
  for (const [kind, map] of Object.entries({ department: DEPARTMENT_GUIDANCE, affiliation: AFFILIATION_GUIDANCE })) {
    for (const v of map.values()) {
      out.push({ label: `${kind} ${v.value}`, texts: [v.meaning, v.effect], sources: v.sources, rules: v.rules });
    }
  }
  for (const t of TERM_GUIDANCE.values()) {
    out.push({ label: `term ${t.term}`, texts: [t.meaning], sources: t.sources, rules: t.rules });
  }
  for (const s of SOURCES.values()) {
    // Titles, authors and publishers are citations, not our prose; the summary must be our own words.
    out.push({ label: `source ${s.id} summary`, texts: [s.summary], sources: [s.id], rules: [] });
  }
  return out;
}

const DOCS = 'https://example.test/docs/rules';

function allHovers(): { label: string; markdown: string }[] {
  const out: { label: string; markdown: string }[] = [];
  const add = (label: string, markdown: string | undefined): void => {
    assert.ok(markdown !== undefined, `no hover for ${label}`);
    out.push({ label, markdown });
  };
  for (const k of FORMAT_ROLES) add(`role ${k}`, roleHoverMarkdown(k, DOCS));
  for (const k of FORMAT_TECH_FUNCTIONS) add(`function ${k}`, techFunctionHoverMarkdown(k, DOCS));
  for (const k of FORMAT_ACTIVITIES) add(`activity ${k}`, activityHoverMarkdown(k, DOCS));
  for (const [k, vals] of Object.entries(FORMAT_PROJECT_FIELDS)) {
    add(`project ${k}`, projectFieldHoverMarkdown(k, DOCS));
    for (const v of vals) add(`project ${k}: ${v}`, projectFieldHoverMarkdown(k, DOCS, v));
  }
  for (const v of FORMAT_DEPARTMENTS) add(`department ${v}`, departmentHoverMarkdown(v, DOCS));
  for (const v of FORMAT_AFFILIATIONS) add(`affiliation ${v}`, affiliationHoverMarkdown(v, DOCS));
  return out;
}

// --- Shingles: must match scripts/seed-shingles.mjs exactly. ---

interface ShingleFixture {
  shingleWords: number;
  hashChars: number;
  check: { text: string; hashes: string[] };
  articles: Record<string, { count: number; hashes: string }>;
}
const fixture: ShingleFixture = shingleFixture;

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`\\]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

function shingles(text: string): { shingle: string; hash: string }[] {
  const w = words(text);
  const out: { shingle: string; hash: string }[] = [];
  for (let i = 0; i + fixture.shingleWords <= w.length; i++) {
    const shingle = w.slice(i, i + fixture.shingleWords).join(' ');
    out.push({ shingle, hash: createHash('sha256').update(shingle).digest('base64url').slice(0, fixture.hashChars) });
  }
  return out;
}

function articleHashes(): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const [id, a] of Object.entries(fixture.articles)) {
    const set = new Set<string>();
    for (let i = 0; i < a.hashes.length; i += fixture.hashChars) set.add(a.hashes.slice(i, i + fixture.hashChars));
    map.set(id, set);
  }
  return map;
}

// --- Tests ---

describe('knowledge: completeness', () => {
  test('every role in docs/format.md has guidance, in its order', () => {
    assert.deepEqual([...ROLE_GUIDANCE.keys()], FORMAT_ROLES);
    assert.deepEqual([...ROLE_KEYS], FORMAT_ROLES);
  });

  test('every technical-staff function in docs/format.md has guidance', () => {
    assert.deepEqual([...TECH_FUNCTION_GUIDANCE.keys()], FORMAT_TECH_FUNCTIONS);
    assert.deepEqual([...TECH_FUNCTION_KEYS], FORMAT_TECH_FUNCTIONS);
  });

  test('every activity in docs/format.md has guidance', () => {
    assert.deepEqual([...ACTIVITY_GUIDANCE.keys()], FORMAT_ACTIVITIES);
    assert.deepEqual([...ACTIVITY_KEYS], FORMAT_ACTIVITIES);
  });

  test('every project field and enum value has guidance', () => {
    assert.deepEqual([...PROJECT_FIELD_GUIDANCE.keys()].sort(), Object.keys(FORMAT_PROJECT_FIELDS).sort());
    for (const [key, vals] of Object.entries(FORMAT_PROJECT_FIELDS)) {
      assert.deepEqual([...(PROJECT_FIELD_GUIDANCE.get(key)?.values.keys() ?? [])], vals, key);
    }
  });

  test('every department and affiliation value has guidance', () => {
    assert.deepEqual([...DEPARTMENT_GUIDANCE.keys()], FORMAT_DEPARTMENTS);
    assert.deepEqual([...AFFILIATION_GUIDANCE.keys()], FORMAT_AFFILIATIONS);
  });

  test('role and function guidance has the promised shape', () => {
    for (const g of [...ROLE_GUIDANCE.values(), ...TECH_FUNCTION_GUIDANCE.values()]) {
      assert.ok(g.title.length > 0 && g.purpose.length > 20 && g.time.length > 20, g.key);
      assert.ok(g.responsibilities.length >= 3 && g.responsibilities.length <= 6, `${g.key}: 3–6 responsibilities`);
      assert.ok(g.needs.length >= 2 && g.needs.length <= 5, `${g.key}: 2–5 needs`);
      assert.ok(g.sources.length > 0, `${g.key} cites a source`);
    }
  });

  test('activity guidance has the promised shape', () => {
    for (const g of ACTIVITY_GUIDANCE.values()) {
      assert.ok(g.what.length > 20 && g.owner.length > 10 && g.participants.length > 10, g.key);
      assert.ok(g.sources.length > 0, `${g.key} cites a source`);
    }
  });
});

describe('knowledge: citations and rule ids', () => {
  test('there are five sources, each with a title and a summary', () => {
    assert.deepEqual([...SOURCES.keys()], ['000', '001', '002', '003', '004']);
    assert.deepEqual([...SOURCE_IDS], ['000', '001', '002', '003', '004']);
    for (const s of SOURCES.values()) assert.ok(s.title.length > 0 && s.summary.length > 100, s.id);
    assert.equal(SOURCES.get('000')?.title, 'CRM team: The IT Owner');
    assert.equal(SOURCES.get('002')?.author, 'Lidia Tahuk');
  });

  test('every cited source exists and every rule id is a rule', () => {
    for (const p of pieces()) {
      for (const s of p.sources) assert.ok(SOURCES.has(s), `${p.label} cites unknown source ${s}`);
      for (const r of p.rules) assert.ok(RULE_IDS.includes(r), `${p.label} names unknown rule ${r}`);
      assert.equal(new Set(p.sources).size, p.sources.length, `${p.label} repeats a source`);
      assert.equal(new Set(p.rules).size, p.rules.length, `${p.label} repeats a rule`);
    }
  });

  test('every rule id written in a text (in backquotes) is a rule', () => {
    for (const p of pieces()) {
      for (const text of p.texts) {
        for (const m of text.matchAll(/`([a-z]+(?:-[a-z]+)+)`/g)) {
          const id = m[1] ?? '';
          // Hyphenated enum values are not rule ids.
          if (['in-house', 'enterprise-wide', 'customer-service'].includes(id)) continue;
          assert.ok(RULE_IDS.includes(id), `${p.label} mentions unknown rule ${id}`);
        }
      }
    }
  });

  test('the rules that check activities agree with the rule pages', () => {
    const expected: Record<string, readonly string[]> = {
      requirements: ['it-must-not-lead', 'requirements-need-it', 'integrator-not-decider', 'cio-in-selection'],
      toolSelection: ['selection-led-by-business', 'integrator-not-decider', 'selection-includes-it', 'cio-in-selection'],
      integratorSelection: ['integrator-selection-needs-it-owner'],
      referenceChecks: ['it-owner-in-reference-checks'],
      installation: ['installation-assistance', 'installation-needs-it'],
      customization: ['in-house-programmers'],
      integration: ['integration-needs-it'],
      environments: ['environments-need-it'],
      testing: ['load-testing-owner'],
      dataMigration: ['data-migration-needs-business', 'data-migration-needs-it'],
      training: ['training-by-job-experts'],
      dataQuality: ['compliance-by-managers'],
      rolloutSupport: ['rollout-support-capacity', 'it-owner-stays-involved'],
      ongoingSupport: ['support-plan-required', 'it-owner-stays-involved', 'in-house-support'],
      vision: ['post-rollout-vision'],
    };
    for (const [key, rules] of Object.entries(expected)) {
      assert.deepEqual([...(ACTIVITY_GUIDANCE.get(key)?.rules ?? [])].sort(), [...rules].sort(), key);
    }
  });

  test('cite names titles and article ids', () => {
    assert.equal(cite(['000']), 'Source: “CRM team: The IT Owner” (article 000)');
    assert.equal(
      cite(['002', '000', '002']),
      'Sources: “CRM team: The Technical Staffers” (article 002); “CRM team: The IT Owner” (article 000)',
    );
    assert.equal(cite([]), '');
  });
});

describe('knowledge: Markdown', () => {
  test('unknown keys give undefined, including JavaScript object property names', () => {
    for (const k of ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '']) {
      assert.equal(roleHoverMarkdown(k, DOCS), undefined, k);
      assert.equal(techFunctionHoverMarkdown(k, DOCS), undefined, k);
      assert.equal(activityHoverMarkdown(k, DOCS), undefined, k);
      assert.equal(projectFieldHoverMarkdown(k, DOCS), undefined, k);
      assert.equal(departmentHoverMarkdown(k, DOCS), undefined, k);
      assert.equal(affiliationHoverMarkdown(k, DOCS), undefined, k);
    }
    assert.equal(roleHoverMarkdown('itOwner', DOCS), roleHoverMarkdown('itOwner', DOCS));
    assert.equal(techFunctionHoverMarkdown('itOwner', DOCS), undefined);
    assert.equal(roleHoverMarkdown('systemAdministration', DOCS), undefined);
  });

  test('a role hover has a heading, the sections, linked rules and a citation', () => {
    const md = roleHoverMarkdown('itOwner', DOCS) ?? '';
    assert.match(md, /^### IT owner \(`roles\.itOwner`\)\n/);
    assert.match(md, /\*\*Responsible for\*\*\n- /);
    assert.match(md, /\*\*Needs\*\*\n- /);
    assert.match(md, /\*\*Time:\*\* .*full-time/);
    assert.ok(md.includes(`[it-owner-full-time](${DOCS}/it-owner-full-time.md)`));
    assert.match(md, /\n_Sources: “CRM team: The IT Owner” \(article 000\);[^\n]*_$/);
  });

  test('a function hover says when the function is required', () => {
    const md = techFunctionHoverMarkdown('uiDesign', DOCS) ?? '';
    assert.match(md, /\*\*Required:\*\* When `customerFacing` is `true`/);
    assert.ok(md.includes('[technical-staff-coverage]('));
  });

  test('an activity hover names the owner, the participants and its rules', () => {
    const md = activityHoverMarkdown('dataMigration', DOCS) ?? '';
    assert.match(md, /^### Data migration \(`activities\.dataMigration`\)/);
    assert.match(md, /\*\*Who should own it:\*\*/);
    assert.match(md, /\*\*Who should take part:\*\*/);
    assert.ok(md.includes(`[data-migration-needs-business](${DOCS}/data-migration-needs-business.md)`));
    assert.ok(md.endsWith('\n\n_Source: “CRM and the IT Department” (article 003)_'));
    const references = activityHoverMarkdown('referenceChecks', DOCS) ?? '';
    assert.ok(references.includes(`[it-owner-in-reference-checks](${DOCS}/it-owner-in-reference-checks.md)`));
  });

  test('project values explain their effect', () => {
    assert.match(projectFieldHoverMarkdown('companySize', DOCS, 'large') ?? '', /significant/);
    assert.doesNotMatch(projectFieldHoverMarkdown('companySize', DOCS, 'large') ?? '', /full-time/);
    assert.match(projectFieldHoverMarkdown('deploymentSize', DOCS, 'large') ?? '', /full-time/);
    assert.match(projectFieldHoverMarkdown('companySize', DOCS, 'medium') ?? '', /head of IT/);
    assert.match(projectFieldHoverMarkdown('customerFacing', DOCS, 'true') ?? '', /uiDesign/);
    assert.match(projectFieldHoverMarkdown('complexity', DOCS) ?? '', /\*\*Values\*\*\n- `minimal`/);
  });

  test('rule links work with and without a trailing slash, and relative', () => {
    assert.equal(ruleLink('vendor-team', 'https://x.test/rules/'), '[vendor-team](https://x.test/rules/vendor-team.md)');
    assert.equal(ruleLink('vendor-team', 'https://x.test/rules'), '[vendor-team](https://x.test/rules/vendor-team.md)');
    assert.equal(ruleLink('vendor-team', ''), '[vendor-team](vendor-team.md)');
  });

  test('every hover is substantial and ends with a citation when it rests on an article', () => {
    for (const { label, markdown } of allHovers()) {
      assert.match(markdown, /^### /, label);
      assert.ok(!markdown.includes('undefined'), `${label} renders "undefined"`);
    }
    for (const k of [...FORMAT_ROLES]) {
      const md = roleHoverMarkdown(k, DOCS) ?? '';
      assert.ok(md.length > 500, `${k} hover is substantial`);
      assert.match(md, /\n_Sources?: “[^\n]+_$/, k);
    }
  });
});

describe('knowledge: our own words', () => {
  test('the shingle fixture matches this test’s normalisation and hash', () => {
    assert.equal(fixture.shingleWords, 8);
    assert.deepEqual(shingles(fixture.check.text).map((s) => s.hash), fixture.check.hashes);
    assert.deepEqual(Object.keys(fixture.articles).sort(), [...SOURCE_IDS]);
    for (const [id, a] of Object.entries(fixture.articles)) {
      assert.ok(a.count > 100, `article ${id} has shingles`);
      assert.equal(a.hashes.length, a.count * fixture.hashChars, `article ${id} fixture is well formed`);
    }
  });

  test('no 8-word sequence of any guidance text or hover appears in any article', () => {
    const articles = articleHashes();
    const texts: { label: string; text: string }[] = [];
    for (const p of pieces()) for (const t of p.texts) texts.push({ label: p.label, text: t });
    for (const { label, markdown } of allHovers()) {
      // The citation line quotes article titles on purpose; everything else must be ours.
      texts.push({ label: `hover ${label}`, text: markdown.replace(/^_Sources?: .*_$/gm, '') });
    }
    const copied: string[] = [];
    for (const { label, text } of texts) {
      for (const { shingle, hash } of shingles(text)) {
        for (const [id, hashes] of articles) {
          if (hashes.has(hash)) copied.push(`${label}: "${shingle}" (article ${id})`);
        }
      }
    }
    assert.deepEqual(copied, [], `texts that reuse an article's wording:\n${copied.join('\n')}`);
  });
});
