// The team overview's cost on top of an analysis (issue 11: at most 100 ms for a 10,000-line plan): the overview
// model, the HTML report, the webview's section, Markdown and JSON, in this process, on bench/generate.mjs plans.
// Called by bench/run.mjs (a section of bench/RESULTS.md); on its own:
//
//   node bench/overview.mjs [lines ...]         default 10000; prints the Markdown table
//
// The engine is bundled from the sources with esbuild (as the CLI is) into bench/out/, then loaded.

import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { generatePlan } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

async function engine() {
  const outfile = join(root, 'bench', 'out', 'overview-engine.cjs');
  mkdirSync(dirname(outfile), { recursive: true });
  await esbuild.build({
    stdin: {
      contents: `export { analyze } from './server/src/engine/analyze';
        export { buildOverview } from './server/src/overview/model';
        export { renderReportPage, renderOverviewSection } from './server/src/overview/html';
        export { renderOverviewMarkdown } from './server/src/overview/markdown';`,
      resolveDir: root, loader: 'ts',
    },
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning',
  });
  return createRequire(import.meta.url)(outfile);
}

/** Median milliseconds of each step for a plan of about `lines` lines. */
export async function overviewBench(sizes = [10_000], runs = 15) {
  const e = await engine();
  const rows = [];
  for (const lines of sizes) {
    const text = generatePlan(lines);
    const t = { analysis: [], model: [], html: [], section: [], markdown: [], json: [] };
    let bytes = 0;
    let people = 0;
    for (let i = 0; i < runs + 2; i++) {
      const time = (key, fn) => {
        const since = performance.now();
        const value = fn();
        if (i >= 2) t[key].push(performance.now() - since); // two warm-up rounds
        return value;
      };
      const analysis = time('analysis', () => e.analyze(text));
      const overview = time('model', () => e.buildOverview(analysis, { file: 'plan.crmteam.yaml', docsHref: (id) => `docs/rules/${id}.md` }));
      bytes = time('html', () => e.renderReportPage([overview])).length;
      time('section', () => e.renderOverviewSection(overview, { interactive: true }));
      time('markdown', () => e.renderOverviewMarkdown([overview]));
      time('json', () => JSON.stringify(overview));
      people = overview.matrix.people.length;
    }
    const m = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, median(v)]));
    rows.push({ lines: text.split('\n').length - 1, people, bytes, ...m, report: m.model + m.html, webview: m.model + m.section });
  }
  return rows;
}

export function overviewTable(rows) {
  return [
    '| lines | people in the matrix | analysis | overview model | HTML report | webview section | Markdown | JSON | model + HTML report | model + webview |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.lines} | ${r.people} | ${ms(r.analysis)} | ${ms(r.model)} | ${ms(r.html)} (${(r.bytes / 1e6).toFixed(1)} MB) | ${ms(r.section)} | ${ms(r.markdown)} | ${ms(r.json)} | **${ms(r.report)}** | **${ms(r.webview)}** |`),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const rows = await overviewBench(sizes.length > 0 ? sizes : [10_000]);
  process.stdout.write(`${overviewTable(rows)}\n\nMedian milliseconds; the target is model + rendering ≤ 100 ms on top of the analysis at 10,000 lines.\n`);
}
