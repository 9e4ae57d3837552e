// The team overview and the diff on broken plans: mutants of every seed plan (the fuzz corpus's mutations, fixed seed)
// go through the overview model, every renderer and the diff against their original, and nothing throws; the HTML
// still parses without an error, and every place in the overview is a line of the text.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parse } from 'parse5';
import { analyze } from '../../server/src/engine/analyze';
import { diffPlans } from '../../server/src/overview/diff';
import { formatDiffJson, formatDiffMarkdown, formatDiffText } from '../../server/src/overview/diffText';
import { renderOverviewSection, renderReportPage } from '../../server/src/overview/html';
import { renderOverviewMarkdown } from '../../server/src/overview/markdown';
import { buildOverview, type Place } from '../../server/src/overview/model';
import { mutate, mutationArb } from './support/mutations';
import { seedPlans } from './support/plans';

test('overview, report and diff on 300 mutated plans: no throw, HTML that parses, places inside the text', { timeout: 120_000 }, () => {
  const plans = seedPlans();
  let checked = 0;
  fc.assert(
    fc.property(
      fc.record({ plan: fc.nat({ max: plans.length - 1 }), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 4 }), crlf: fc.boolean() }),
      (input) => {
        const seed = plans[input.plan]!;
        let text = seed.text;
        for (const m of input.mutations) text = mutate(text, m);
        if (input.crlf) text = text.replace(/\r?\n/g, '\r\n');
        const before = analyze(seed.text);
        const after = analyze(text);
        const overview = buildOverview(after, { file: seed.name, docsHref: (id) => `https://crmteam.example/rules/${id}.md` });
        const lines = after.lines.lineCount;
        const places: Place[] = [
          ...overview.people.flatMap((p) => (p.place ? [p.place] : [])),
          ...overview.matrix.activities.flatMap((a) => [a.place, ...a.cells.map((c) => c.place)]),
          ...overview.findings.list.map((f) => f.place),
          ...overview.load.flatMap((l) => l.allocations.map((a) => a.place)),
        ];
        for (const p of places) assert.ok(p.line >= 1 && p.line <= lines && p.column >= 1, `${seed.name}: place ${JSON.stringify(p)} in ${lines} lines`);
        const errors: string[] = [];
        parse(renderReportPage([overview]), { onParseError: (e) => errors.push(e.code) });
        assert.deepEqual(errors, [], `${seed.name} mutated by ${JSON.stringify(input.mutations)}`);
        renderOverviewSection(overview, { interactive: true });
        renderOverviewMarkdown([overview]);
        JSON.stringify(overview);
        const diffs = [diffPlans(before, after, { file: seed.name }), diffPlans(after, before, { file: seed.name })];
        formatDiffText(diffs);
        formatDiffMarkdown(diffs);
        formatDiffJson(diffs);
        checked++;
      },
    ),
    { seed: 11, numRuns: 300 },
  );
  assert.equal(checked, 300);
});
