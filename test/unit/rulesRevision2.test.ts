// The words and edge cases that ARCHITECTURE.md, "Decided edge cases" decides ("Words used below", "Edge cases, decided"), each on a
// small plan: IT side and technical, undefined ids, deploymentSize, phases, heads of IT, and settings for the new ids.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import type { Level } from '../../server/src/core/finding';
import { findingsOf } from '../harness/check';

/** A plan from its sections, each written as YAML lines under its top-level key. */
function plan(sections: { project?: string; people: string; roles?: string; partners?: string; activities?: string }): string {
  const block = (key: string, body: string | undefined) => (body === undefined ? '' : `${key}:\n${body.replace(/^/gm, '  ')}\n`);
  return `crmteam: 1\nproject:\n  name: Demo\n${sections.project ? sections.project.replace(/^/gm, '  ') + '\n' : ''}` +
    block('people', sections.people) + block('roles', sections.roles) + block('partners', sections.partners) +
    block('activities', sections.activities);
}

function messages(text: string, ruleId: string): string[] {
  return findingsOf(analyze(text), ruleId).map((f) => f.message);
}

const SALES_ADMIN = 'tsan: { name: Tara Sanchez, title: Sales Operations CRM Administrator, department: sales }';

describe('IT side and technical', () => {
  test('department wins: a sales-department administrator on the technical staff is business side, not IT side', () => {
    const { plan: p } = analyze(plan({
      people: `${SALES_ADMIN}\ntnguyen: { name: Thanh Nguyen, department: other }\nmsmith: { name: Maria Smith, department: marketing }`,
      roles: 'itOwner: msmith\ntechnicalStaff:\n  systemAdministration: [tsan, tnguyen]',
    }));
    assert.equal(p.isITSide('tsan'), false);
    assert.equal(p.isBusinessSide('tsan'), true);
    assert.equal(p.isTechnical('tsan'), true, 'technical staff is technical whatever the department');
    assert.equal(p.isITSide('tnguyen'), true, 'technical staff without a business department is IT side');
    assert.equal(p.isITSide('msmith'), true, 'the IT owner is IT side whatever the department');
  });

  test('an outside technical staffer is technical but not IT side; an undefined id is neither', () => {
    const { plan: p } = analyze(plan({
      people: 'plee: { name: Pat Lee, affiliation: integrator }',
      roles: 'technicalStaff:\n  databaseAdministration: [plee, ghost]',
    }));
    assert.equal(p.isTechnical('plee'), true);
    assert.equal(p.isITSide('plee'), false);
    assert.equal(p.isTechnical('ghost'), false);
  });

  test('the sales-operations administrator as champion and trainer is not "IT leading"', () => {
    const text = plan({
      people: `${SALES_ADMIN}\njdoe: { name: John Doe, department: it }`,
      roles: 'itOwner: jdoe\nchampion: tsan\ntechnicalStaff:\n  systemAdministration: [tsan]\ntrainers: [tsan]',
      activities: 'training: { owner: tsan }',
    });
    assert.deepEqual(messages(text, 'it-must-not-lead'), []);
    assert.deepEqual(messages(text, 'training-by-job-experts'), []);
  });
});

describe('undefined ids, revision 2', () => {
  test('a list whose entries are all undefined counts as empty', () => {
    const text = plan({
      people: 'jdoe: { name: John Doe, department: it }',
      roles: 'itOwner: jdoe\nbusinessOwners: [ghost]\nsuperUsers: [ghost]\nsupportTeam: [ghost]\ntrainers: [ghost]',
    });
    assert.equal(messages(text, 'business-owner-required').length, 1);
    assert.equal(messages(text, 'super-users-write-use-cases').length, 1);
    assert.equal(messages(text, 'support-plan-required').length, 1);
    assert.deepEqual(messages(text, 'in-house-support'), [], 'an all-undefined supportTeam is not defined');
    assert.deepEqual(messages(text, 'training-by-job-experts'), [], 'an all-undefined trainers list is empty');
  });

  test('an IT owner id that is not defined is no IT owner', () => {
    const text = plan({
      people: 'msmith: { name: Maria Smith, department: sales }',
      roles: 'itOwner: ghost',
      partners: 'integrator: { organization: Northwind }',
      activities: 'referenceChecks: { owner: msmith }\nintegratorSelection: { owner: msmith }',
    });
    assert.deepEqual(messages(text, 'it-owner-in-reference-checks'), []);
    assert.deepEqual(messages(text, 'integrator-selection-needs-it-owner'), []);
  });
});

describe('deploymentSize and it-owner-full-time', () => {
  const owner = 'itOwner: { person: jdoe, allocation: 30% }';
  const people = 'jdoe: { name: John Doe, department: it }';
  const fires = (project: string) => messages(plan({ project, people, roles: owner }), 'it-owner-full-time').length;

  test('company size is not deployment size: a 30-seat pilot in a bank is not flagged', () => {
    assert.equal(fires('companySize: enterprise\ndeploymentSize: small'), 0);
    assert.equal(fires('companySize: enterprise'), 0, 'absent deploymentSize is unknown and never fires');
  });

  test('a large deployment or a non-minimal in-house build makes the role full-time', () => {
    assert.equal(fires('companySize: small\ndeploymentSize: large'), 1);
    assert.equal(fires('delivery: in-house'), 1);
    assert.equal(fires('delivery: in-house\ncomplexity: minimal'), 0);
    assert.equal(fires('delivery: in-house\ncomplexity: minimal\ndeploymentSize: large'), 1);
  });

  test('an invalid deploymentSize is a schema finding and counts as absent', () => {
    const text = plan({ project: 'deploymentSize: Large', people, roles: owner });
    assert.equal(messages(text, 'it-owner-full-time').length, 0);
    assert.equal(findingsOf(analyze(text), 'schema').length, 1);
  });
});

describe('integrator-selection-needs-it-owner by phase', () => {
  const people = 'jdoe: { name: John Doe, department: it }\nmsmith: { name: Maria Smith, department: sales }';
  const partners = 'integrator: { organization: Northwind }';
  test('a missing activity fires only in the selection phase, with or without an IT owner', () => {
    assert.equal(messages(plan({ project: 'phase: selection', people, partners }), 'integrator-selection-needs-it-owner').length, 1);
    assert.equal(messages(plan({ project: 'phase: selection', people, roles: 'itOwner: jdoe', partners }), 'integrator-selection-needs-it-owner').length, 1);
    for (const phase of ['implementation', 'rollout', 'operation']) {
      assert.deepEqual(messages(plan({ project: `phase: ${phase}`, people, roles: 'itOwner: jdoe', partners }), 'integrator-selection-needs-it-owner'), [], phase);
    }
  });
  test('an existing activity without the IT owner fires in any phase', () => {
    const text = plan({ project: 'phase: operation', people, roles: 'itOwner: jdoe', partners, activities: 'integratorSelection: { owner: msmith }' });
    assert.equal(messages(text, 'integrator-selection-needs-it-owner').length, 1);
  });
});

describe('cio-in-selection', () => {
  const people = 'msmith: { name: Maria Smith, department: sales }\nrcho: { name: Rita Cho, title: CIO }';
  const run = (project: string, extraPeople: string, activities: string) =>
    findingsOf(analyze(plan({ project, people: people + extraPeople, activities })), 'cio-in-selection');

  test('only significant projects: large company, enterprise-wide scope or complex', () => {
    assert.equal(run('companySize: medium', '', 'toolSelection: { owner: msmith }').length, 0);
    for (const project of ['companySize: large', 'companySize: enterprise', 'scope: enterprise-wide', 'complexity: complex']) {
      assert.equal(run(project, '', 'toolSelection: { owner: msmith }').length, 1, project);
    }
  });

  test('falls back to requirements, and needs one of the two activities', () => {
    const [finding] = run('companySize: large', '', 'requirements: { owner: msmith }');
    assert.match(finding?.message ?? '', /`requirements`/);
    assert.equal(finding?.fixes[0]?.safety, 'safe');
    assert.equal(run('companySize: large', '', 'training: { owner: msmith }').length, 0);
  });

  test("only the company's own head of IT counts: the vendor's CTO neither triggers nor satisfies the rule", () => {
    const vendorCto = 'vcto: { name: Val Cruz, title: CTO, affiliation: vendor }';
    const alone = findingsOf(analyze(plan({
      project: 'companySize: large', people: `msmith: { name: Maria Smith, department: sales }\n${vendorCto}`,
      activities: 'toolSelection: { owner: msmith }',
    })), 'cio-in-selection');
    assert.equal(alone.length, 0);
    assert.equal(run('companySize: large', `\n${vendorCto}`, 'toolSelection: { owner: msmith, participants: [vcto] }').length, 1);
  });

  test('two heads of IT: a finding without a fix; a deputy alone is no head of IT', () => {
    const [finding] = run('companySize: large', '\ncto: { name: Sam Ito, title: Chief Technology Officer }', 'toolSelection: { owner: msmith }');
    assert.equal(finding?.fixes.length, 0);
    const deputy = findingsOf(analyze(plan({
      project: 'companySize: large',
      people: 'msmith: { name: Maria Smith, department: sales }\ndcio: { name: Dee Ma, title: Deputy CIO }',
      activities: 'toolSelection: { owner: msmith }',
    })), 'cio-in-selection');
    assert.equal(deputy.length, 0);
  });
});

describe('in-house-support', () => {
  const people = 'jdoe: { name: John Doe, department: it }\ndesk: { name: Service Desk, affiliation: consultant }';
  test('full support from the integrator, or no support defined, leaves it quiet', () => {
    assert.deepEqual(messages(plan({ people, partners: 'integrator: { organization: N, providesFullSupport: true }', activities: 'ongoingSupport: { owner: desk }' }), 'in-house-support'), []);
    assert.deepEqual(messages(plan({ people, roles: 'supportTeam: []' }), 'in-house-support'), []);
  });
  test('a support team of outsiders only is reported at the supportTeam key, without a fix', () => {
    const text = plan({ people, roles: 'itOwner: jdoe\nsupportTeam: [desk]' });
    const [finding] = findingsOf(analyze(text), 'in-house-support');
    assert.ok(finding);
    assert.equal(text.slice(finding.range.start, finding.range.end), 'supportTeam');
    assert.equal(finding.fixes.length, 0);
  });
  test('an outside IT owner gets no fix', () => {
    const text = plan({ people: `${people}\nplee: { name: Pat Lee, affiliation: integrator }`, roles: 'itOwner: plee', activities: 'ongoingSupport: { owner: desk }' });
    const [finding] = findingsOf(analyze(text), 'in-house-support');
    assert.equal(finding?.fixes.length, 0);
  });
});

describe('load-testing-owner and training-by-job-experts', () => {
  test('a minimal project is not asked for load-testing criteria', () => {
    const activities = 'testing: { owner: akim }';
    const people = 'akim: { name: Alex Kim, department: sales }';
    assert.equal(messages(plan({ people, activities }), 'load-testing-owner').length, 1);
    assert.equal(messages(plan({ project: 'complexity: minimal', people, activities }), 'load-testing-owner').length, 0);
  });
  test('an IT-side owner of training and a trainers list without business people are two findings', () => {
    const text = plan({
      people: 'jdoe: { name: John Doe, department: it }\nvtr: { name: Vic Tran, affiliation: vendor }',
      roles: 'itOwner: jdoe\ntrainers: [vtr, jdoe]',
      activities: 'training: { owner: jdoe }',
    });
    assert.equal(messages(text, 'training-by-job-experts').length, 2);
  });
});

describe('the new rule ids work with settings and suppressions like every other', () => {
  const text = plan({
    people: 'jdoe: { name: John Doe, department: it }\nmsmith: { name: Maria Smith, department: sales }',
    roles: 'itOwner: jdoe',
    activities: 'referenceChecks: { owner: msmith }\ninstallation: { owner: msmith }',
  });
  test('severity overrides and off', () => {
    const levels = new Map<string, Level>([['it-owner-in-reference-checks', 'error'], ['installation-needs-it', 'off']]);
    const analysis = analyze(text, { levels });
    assert.equal(findingsOf(analysis, 'it-owner-in-reference-checks')[0]?.severity, 'error');
    assert.equal(findingsOf(analysis, 'installation-needs-it').length, 0);
    assert.equal(findingsOf(analyze(text), 'installation-needs-it')[0]?.severity, 'warning');
  });
  test('a suppression comment silences them', () => {
    const suppressed = `# crmteam-disable installation-needs-it, it-owner-in-reference-checks -- agreed with IT\n${text}`;
    const analysis = analyze(suppressed);
    assert.equal(findingsOf(analysis, 'installation-needs-it').length, 0);
    assert.equal(findingsOf(analysis, 'it-owner-in-reference-checks').length, 0);
    assert.equal(findingsOf(analysis, 'unused-suppression').length, 0);
  });
});
