// Hover goldens: every case under test/fixtures/features/hover, plus what each kind of hover must always say.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hover } from '../../../server/src/features/hover';
import { assertGolden } from '../../harness/golden';
import { caseDir, caseNames, hoverMarkdown, loadCase, renderHover, type FeatureCase } from './harness';

function hoverOf(c: FeatureCase): string {
  return hoverMarkdown(hover(c.analysis, c.offset, c.ctx));
}

describe('hover goldens', () => {
  const names = caseNames('hover');
  test('there are enough cases', () => assert.ok(names.length >= 12, `${names.length} hover cases`));
  for (const name of names) {
    test(name, () => {
      const c = loadCase('hover', name);
      assertGolden(`${caseDir('hover')}/${name}.expected.md`, renderHover(c, hover(c.analysis, c.offset, c.ctx)));
    });
  }
});

describe('hover content', () => {
  test('role keys explain the role and cite their source article', () => {
    for (const name of ['role-it-owner', 'role-business-owners', 'role-super-users', 'role-executive-sponsor', 'role-technical-staff', 'tech-function']) {
      const md = hoverOf(loadCase('hover', name));
      assert.match(md, /\*\*Responsible for\*\*/, name);
      // Where the articles say nothing of what a role needs (super-users), the project's own advice stands in.
      assert.match(md, /\*\*(Needs|Our advice)\*\*/, name);
      assert.match(md, /\*\*Time:\*\*/, name);
      assert.match(md, /_Sources?: “[^”]+” \(article \d{3}\)/, name);
      assert.ok(md.length > 400, `${name} is substantial`);
    }
  });

  test('activity keys say who should own it and take part', () => {
    const md = hoverOf(loadCase('hover', 'activity-key'));
    assert.match(md, /\*\*Who should own it:\*\*/);
    assert.match(md, /\*\*Who should take part:\*\*/);
  });

  test('a person card lists name, title, department, side, roles, activities and load', () => {
    const md = hoverOf(loadCase('hover', 'person-key'));
    for (const part of ['Maria Smith', 'VP Sales', '`sales`', '`internal`', 'business side', 'maria.smith@acme.example']) {
      assert.ok(md.includes(part), `card mentions ${part}`);
    }
    assert.match(md, /\*\*Roles\*\*\n- business owner, 30%/);
    assert.match(md, /- champion/);
    assert.match(md, /\*\*Activities\*\*\n- owner of requirements/);
    assert.match(md, /\*\*Stated load:\*\* 30%/);
  });

  test('a reference and the definition of the same person give the same card', () => {
    const ref = loadCase('hover', 'person-ref-flow-list');
    const md = hoverOf(ref);
    assert.match(md, /### Alex Kim \(`akim`\)/);
    const range = hover(ref.analysis, ref.offset, ref.ctx)?.range;
    assert.equal(range && ref.document.getText(range), 'akim');
  });

  test('an undefined id says so', () => {
    const md = hoverOf(loadCase('hover', 'person-ref-undefined'));
    assert.match(md, /`kpark`: not defined/);
    assert.match(md, /project manager/);
  });

  test('enum values explain the value, not only the key', () => {
    assert.match(hoverOf(loadCase('hover', 'enum-company-size')), /### `project\.companySize: large`/);
    assert.match(hoverOf(loadCase('hover', 'enum-department')), /### `department: it`/);
    assert.match(hoverOf(loadCase('hover', 'enum-affiliation')), /### `affiliation: integrator`/);
  });

  test('a key without guidance shows the schema description', () => {
    const md = hoverOf(loadCase('hover', 'schema-key-email'));
    assert.match(md, /### `people\.msmith\.email`/);
    assert.match(md, /\*\*Format:\*\* email/);
  });

  test('a finding under the cursor adds its rule summary and page', () => {
    for (const [name, id] of [['finding-allocation', 'it-owner-full-time'], ['finding-unknown-key', 'schema']] as const) {
      const c = loadCase('hover', name);
      const md = hoverOf(c);
      assert.ok(md.includes(`**Check \`${id}\`**`), `${name} names ${id}`);
      assert.ok(md.includes(`(${c.ctx.docsBase}/${id}.md)`), `${name} links to the page of ${id}`);
    }
  });

  test('nothing under the cursor gives no hover, and odd offsets never throw', () => {
    const c = loadCase('hover', 'person-key');
    assert.equal(hover(c.analysis, c.text.indexOf('\n\nproject') + 1, c.ctx), null);
    for (const offset of [-5, 0, c.text.length, c.text.length + 10]) assert.doesNotThrow(() => hover(c.analysis, offset, c.ctx));
  });
});
