// The knowledge base: complete for every role, function and activity of docs/format.md, citing only real articles and
// real rule ids, and rendering useful Markdown. That none of it reuses the articles' wording is checked, with every
// other shipped text, in test/unit/ownWords.test.ts.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
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
      // What the articles say about a role may be little (a sponsor, a project manager): the project's own advice,
      // under its own heading, makes up the rest.
      const advice = 'advice' in g ? (g.advice?.length ?? 0) : 0;
      assert.ok(g.responsibilities.length >= 1 && g.responsibilities.length <= 6, `${g.key}: 1–6 responsibilities`);
      assert.ok(g.needs.length <= 5, `${g.key}: at most 5 needs`);
      assert.ok(g.responsibilities.length + g.needs.length + advice >= 4, `${g.key}: at least 4 points in all`);
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

  test('advice of the project’s own is shown apart from what the articles say', () => {
    const sponsor = roleHoverMarkdown('executiveSponsor', DOCS) ?? '';
    const heading = sponsor.indexOf('**Our advice** (not from the articles):');
    assert.ok(heading > 0, 'the sponsor hover has the heading');
    // The sponsor's duties are not in the articles: they sit under the heading, not under "Responsible for".
    assert.ok(sponsor.indexOf('protect the budget') > heading);
    assert.ok(!sponsor.slice(0, heading).includes('budget'));
    const testing = activityHoverMarkdown('testing', DOCS) ?? '';
    assert.match(testing, /\*\*Who should own it:\*\* No article names an owner\./);
    assert.match(testing, /\*\*Our advice\*\* \(not from the articles\): Have a business owner/);
    assert.doesNotMatch(roleHoverMarkdown('itOwner', DOCS) ?? '', /Our advice/);
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
