// Keeps the rule catalogue consistent: ids sorted and unique, file name = id, fixtures, generated docs up to date.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { RULES } from '../../server/src/rules/index';
import { renderRulePage, renderRulesTable } from '../../scripts/gen-docs';
import { repoPath } from '../harness/repo';

const EXPECTED_IDS = [
  'business-owner-required', 'champion-required', 'cio-day-to-day', 'compliance-by-managers', 'config', 'data-migration-needs-business',
  'data-migration-needs-it', 'environments-need-it', 'full-support-is-rare', 'in-house-programmers', 'installation-assistance',
  'integration-needs-it', 'integrator-not-decider', 'integrator-selection-needs-it-owner', 'it-must-not-lead', 'it-owner-full-time',
  'it-owner-internal', 'it-owner-not-business-owner', 'it-owner-required', 'it-owner-stays-involved', 'load-testing-owner',
  'over-allocated', 'over-allocated-across-plans', 'person-conflict', 'post-rollout-vision', 'requirements-need-it', 'rollout-support-capacity', 'schema', 'selection-includes-it',
  'selection-led-by-business', 'super-users-write-use-cases', 'support-plan-required', 'technical-staff-coverage',
  'training-by-job-experts', 'unknown-person', 'unused-person', 'unused-suppression', 'vendor-team', 'yaml-syntax',
];

test('the registry holds exactly the rules of RULES.md and WORKSPACE.md, sorted', () => {
  assert.deepEqual(RULES.map((r) => r.meta.id), EXPECTED_IDS);
});

test('each rule lives in a file named by its id', () => {
  const files = readdirSync(repoPath('server/src/rules')).filter((f) => !['index.ts', 'rule.ts', 'fixes.ts'].includes(f));
  assert.deepEqual(files.map((f) => f.replace(/\.ts$/, '')).sort(), EXPECTED_IDS);
  for (const id of EXPECTED_IDS) {
    assert.match(readFileSync(repoPath('server/src/rules', `${id}.ts`), 'utf8'), new RegExp(`id: '${id}'`));
  }
});

test('every rule has complete docs metadata and sources that exist', () => {
  for (const rule of RULES) {
    const { docs } = rule.meta;
    for (const field of ['summary', 'rationale', 'howToFix', 'bad', 'good'] as const) {
      assert.ok(docs[field].trim().length > 20, `${rule.meta.id}: docs.${field} is missing or too short`);
    }
  }
});

test('docs/rules pages and the README table are generated and up to date', () => {
  for (const rule of RULES) {
    const path = repoPath('docs/rules', `${rule.meta.id}.md`);
    assert.ok(existsSync(path), `${path} is missing; run npm run docs`);
    assert.equal(readFileSync(path, 'utf8'), renderRulePage(rule), `${path} is stale; run npm run docs`);
  }
  assert.ok(readFileSync(repoPath('README.md'), 'utf8').includes(renderRulesTable()), 'README rule table is stale; run npm run docs');
});
