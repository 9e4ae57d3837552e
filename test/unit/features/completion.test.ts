// Completion goldens: every case under test/fixtures/features/completion, plus the properties each context keeps.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDocument } from 'yaml';
import type { CompletionItem } from 'vscode-languageserver-types';
import { analyze } from '../../../server/src/engine/analyze';
import { completion } from '../../../server/src/features/completion';
import { assertGolden } from '../../harness/golden';
import { applyItem, caseDir, caseNames, expandSnippet, loadCase, renderCompletion, sortedItems } from './harness';

function itemsOf(name: string): { items: CompletionItem[]; labels: string[] } {
  const c = loadCase('completion', name);
  const items = sortedItems(completion(c.analysis, c.offset, c.ctx));
  return { items, labels: items.map((i) => i.label) };
}

function accept(name: string, label: string): string {
  const c = loadCase('completion', name);
  const item = completion(c.analysis, c.offset, c.ctx).items.find((i) => i.label === label);
  assert.ok(item, `${name} offers ${label}`);
  return expandSnippet(applyItem(c, item));
}

describe('completion goldens', () => {
  const names = caseNames('completion');
  test('there are enough cases', () => assert.ok(names.length >= 12, `${names.length} completion cases`));
  for (const name of names) {
    test(name, () => {
      const c = loadCase('completion', name);
      assertGolden(`${caseDir('completion')}/${name}.expected.json`, renderCompletion(c, completion(c.analysis, c.offset, c.ctx)));
    });
  }
});

describe('completion content', () => {
  test('root keys: only the sections not written yet', () => {
    assert.deepEqual(itemsOf('root-keys-partial').labels, ['roles', 'partners', 'activities']);
  });

  test('role keys leave out the roles already held, also on a half-typed line', () => {
    const { labels } = itemsOf('role-keys-new-line');
    assert.deepEqual(labels, ['projectManager', 'trainers']);
    assert.ok(itemsOf('role-keys-half-typed').labels.includes('itOwner'));
    assert.ok(!itemsOf('role-keys-half-typed').labels.includes('champion'));
  });

  test('activity keys leave out the activities present and come with a New activity snippet', () => {
    const { labels } = itemsOf('activity-keys');
    for (const present of ['requirements', 'toolSelection', 'installation', 'testing', 'ongoingSupport']) assert.ok(!labels.includes(present));
    assert.ok(labels.includes('training') && labels.includes('vision') && labels.includes('New activity'));
  });

  test('enum values come with their descriptions', () => {
    const { items, labels } = itemsOf('enum-company-size');
    assert.deepEqual(labels, ['small', 'medium', 'large', 'enterprise']);
    for (const item of items) assert.ok(item.detail && item.documentation, `${item.label} is described`);
    assert.deepEqual(itemsOf('enum-department').labels.length, 8);
    assert.deepEqual(itemsOf('boolean-customer-facing').labels, ['true', 'false']);
  });

  test('person ids: every defined id not already in the list, with name and title', () => {
    const c = loadCase('completion', 'person-participants-flow');
    const all = [...c.analysis.plan.people.keys()];
    assert.deepEqual(new Set(itemsOf('person-participants-flow').labels), new Set(all.filter((id) => id !== 'plee')));
    assert.deepEqual(new Set(itemsOf('person-block-list-item').labels), new Set(all.filter((id) => id !== 'akim')));
    assert.deepEqual(new Set(itemsOf('person-participants-unclosed').labels), new Set(['msmith']));
    const { items } = itemsOf('person-it-owner');
    assert.deepEqual(items.find((i) => i.label === 'jdoe')?.detail, 'John Doe — Business Applications Manager');
  });

  test('person ids: the people who fit the place come first', () => {
    assert.equal(itemsOf('person-it-owner').labels[0], 'jdoe');
    assert.equal(itemsOf('person-partner-lead').labels[0], 'plee');
    const techStaff = itemsOf('person-tech-function-flow').labels;
    assert.ok(techStaff.indexOf('plee') > techStaff.indexOf('jdoe') && techStaff.indexOf('msmith') > techStaff.indexOf('jdoe'));
    const trainingOwner = itemsOf('person-activity-owner').labels;
    assert.ok(trainingOwner.indexOf('msmith') < trainingOwner.indexOf('tnguyen'));
    const participants = itemsOf('person-participants-flow').labels;
    assert.equal(participants[participants.length - 1], 'tnguyen', 'the owner is the least likely participant');
  });

  test('accepted items leave valid YAML with the intended value', () => {
    const owner = parseDocument(accept('person-it-owner', 'jdoe')).toJS() as { roles: { itOwner: string } };
    assert.equal(owner.roles.itOwner, 'jdoe');
    const flow = parseDocument(accept('person-participants-flow', 'dchen')).toJS() as { activities: { installation: { participants: string[] } } };
    assert.deepEqual(flow.activities.installation.participants, ['plee', 'dchen']);
    const block = parseDocument(accept('person-block-list-item', 'dchen')).toJS() as { roles: { superUsers: string[] } };
    assert.deepEqual(block.roles.superUsers, ['akim', 'dchen']);
  });

  test('snippets: a new person, a new activity and a skeleton that parse and define what they promise', () => {
    const person = parseDocument(accept('new-person-snippet', 'New person'));
    assert.deepEqual(person.errors, []);
    assert.equal((person.toJS() as { people: Record<string, { name: string }> }).people['id']?.name, 'Full Name');
    const activity = parseDocument(accept('activity-keys', 'New activity'));
    assert.deepEqual(activity.errors, []);
    const skeleton = accept('empty-file-skeleton', 'Team plan skeleton');
    const analysis = analyze(skeleton);
    assert.deepEqual(analysis.model.problems, []);
    assert.deepEqual(analysis.findings.filter((f) => f.ruleId === 'schema' || f.ruleId === 'unknown-person'), []);
    for (const section of ['crmteam:', 'project:', 'people:', 'roles:', 'partners:', 'activities:']) assert.ok(skeleton.includes(section));
  });

  test('keys in a flow mapping and in a list item mapping', () => {
    assert.deepEqual(itemsOf('flow-activity-keys').labels, ['participants']);
    assert.deepEqual(itemsOf('business-owner-item-keys').labels, ['allocation', 'note']);
    assert.deepEqual(itemsOf('person-fields').labels, ['affiliation', 'organization', 'email']);
  });

  test('never throws, whatever the offset or text', () => {
    const texts = ['', ':', '- - -', '{[', 'roles:\n  itOwner: [\n', 'a: "unterminated\n  b', '\t\tx:', 'people:\n  - a\n  b: ['];
    for (const text of texts) {
      const analysis = analyze(text);
      const c = loadCase('completion', 'root-keys-partial');
      for (let offset = -1; offset <= text.length + 1; offset++) {
        assert.doesNotThrow(() => completion(analysis, offset, c.ctx));
      }
    }
  });
});
