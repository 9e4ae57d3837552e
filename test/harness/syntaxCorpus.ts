// The two corpora the YAML-error handling is measured on (docs/rules/yaml-syntax.md): every input of the YAML Test
// Suite, and 300 mutated copies of examples/northwind.crmteam.yaml made with a fixed seed, so that the numbers in the
// CHANGELOG can be reproduced: `npm test -- unit` prints them (test/unit/yamlErrors.test.ts).

import { readFileSync } from 'node:fs';
import { analyze } from '../../server/src/engine/analyze';
import { mutate, type Mutation } from '../robustness/support/mutations';
import { repoPath } from './repo';

export interface CorpusFile { readonly label: string; readonly text: string }

export function yamlTestSuite(): CorpusFile[] {
  const suite = JSON.parse(readFileSync(repoPath('test/fixtures/yaml-test-suite.json'), 'utf8')) as {
    cases: { id: string; name: string; yaml: string }[];
  };
  return suite.cases.map((c) => ({ label: `${c.id} (${c.name})`, text: c.yaml }));
}

export const MUTATION_SEED = 20261203;
export const MUTATED_COPIES = 300;

/** A small deterministic generator (mulberry32): the same seed gives the same copies on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` copies of the example plan, each with one to three of the fuzzers' mutations that can break YAML. */
export function mutatedPlans(count = MUTATED_COPIES, seed = MUTATION_SEED): CorpusFile[] {
  const plan = readFileSync(repoPath('examples/northwind.crmteam.yaml'), 'utf8');
  const next = random(seed);
  const int = (max: number) => Math.floor(next() * max);
  const kinds = ['delete-line', 'duplicate-line', 'reindent', 'flip', 'truncate', 'tab'] as const;
  const out: CorpusFile[] = [];
  for (let i = 0; i < count; i++) {
    const mutations: Mutation[] = [];
    for (let n = 1 + int(3); n > 0; n--) {
      const kind = kinds[int(kinds.length)]!;
      const at = int(1_000_000);
      if (kind === 'reindent') mutations.push({ kind, at, by: int(9) - 4 });
      else if (kind === 'flip') mutations.push({ kind, at, bit: int(16) });
      else mutations.push({ kind, at });
    }
    let text = plan;
    for (const m of mutations) text = mutate(text, m);
    out.push({ label: `copy ${i} ${JSON.stringify(mutations)}`, text });
  }
  return out;
}

export interface SyntaxStats {
  readonly files: number;
  /** Files with at least one `yaml-syntax` finding. */
  readonly broken: number;
  /** The most `yaml-syntax` findings in one file. */
  readonly maxSyntax: number;
  /** The median number of `yaml-syntax` findings over the broken files. */
  readonly medianSyntax: number;
  /** The most mistakes the model found in one file, before the rule lists at most ten of them. */
  readonly maxMistakes: number;
  /** The most findings of any rule in one file, and that file. */
  readonly maxAll: number;
  readonly maxAllLabel: string;
}

export function syntaxStats(files: readonly CorpusFile[]): SyntaxStats {
  const perBroken: number[] = [];
  let maxAll = 0;
  let maxAllLabel = '';
  let maxMistakes = 0;
  for (const file of files) {
    const analysis = analyze(file.text);
    const findings = analysis.findings;
    maxMistakes = Math.max(maxMistakes, analysis.model.problems.length);
    const syntax = findings.filter((f) => f.ruleId === 'yaml-syntax').length;
    if (syntax > 0) perBroken.push(syntax);
    if (findings.length > maxAll) {
      maxAll = findings.length;
      maxAllLabel = file.label;
    }
  }
  perBroken.sort((a, b) => a - b);
  const mid = perBroken.length / 2;
  const median = perBroken.length === 0 ? 0
    : perBroken.length % 2 === 1 ? perBroken[Math.floor(mid)]! : (perBroken[mid - 1]! + perBroken[mid]!) / 2;
  return { files: files.length, broken: perBroken.length, maxSyntax: perBroken.at(-1) ?? 0, medianSyntax: median, maxMistakes, maxAll, maxAllLabel };
}
