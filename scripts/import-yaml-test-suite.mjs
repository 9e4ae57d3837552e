// Copies the inputs of the YAML Test Suite (../shared/corpora/yaml-test-suite/src/*.yaml) into
// test/fixtures/yaml-test-suite.json, decoded, so test/robustness needs nothing outside the repository at run time.
// Run it again only when the corpus changes: `node scripts/import-yaml-test-suite.mjs [path/to/yaml-test-suite]`.
//
// The suite writes hard-to-see characters as visible stand-ins (its ReadMe.md, "Special Characters"):
// `␣` space, `———»` `——»` `—»` `»` tab, `↵` a newline that is there anyway, `∎` no final newline,
// `←` carriage return, `⇔` byte order mark. The decoding below is the suite's own, in its order.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const suite = process.argv[2] ?? join(root, '..', 'shared', 'corpora', 'yaml-test-suite');
const src = join(suite, 'src');

export function decodeVisible(text) {
  return text
    .replace(/␣/g, ' ')
    .replace(/—*»/g, '\t')
    .replace(/←/g, '\r')
    .replace(/⇔/g, '\uFEFF')
    .replace(/↵/g, '')
    .replace(/∎\n$/, '');
}

const cases = [];
for (const file of readdirSync(src).filter((f) => f.endsWith('.yaml')).sort()) {
  const id = file.slice(0, -'.yaml'.length);
  const entries = parse(readFileSync(join(src, file), 'utf8'));
  let inherited = {};
  entries.forEach((entry, index) => {
    // Later cases of a file inherit the fields of earlier ones (the suite's convention), the name in particular.
    inherited = { ...inherited, ...entry };
    if (typeof entry.yaml !== 'string') return;
    cases.push({
      id: entries.length > 1 ? `${id}/${String(index).padStart(2, '0')}` : id,
      name: String(inherited.name ?? ''),
      fail: entry.fail === true,
      yaml: decodeVisible(entry.yaml),
    });
  });
}

writeFileSync(join(root, 'test/fixtures/yaml-test-suite.json'), `${JSON.stringify({
  source: 'yaml-test-suite (https://github.com/yaml/yaml-test-suite), src/*.yaml, inputs only, decoded; MIT License, see yaml-test-suite.LICENSE',
  count: cases.length,
  cases,
}, null, 1)}\n`);
writeFileSync(join(root, 'test/fixtures/yaml-test-suite.LICENSE'),
  `The inputs in yaml-test-suite.json are copied from the YAML Test Suite, under its license:\n\n${readFileSync(join(suite, 'License'), 'utf8')}`);
console.log(`${cases.length} cases from ${src}`);
