// `npm run new-rule <id> [--category <category>] [--severity <severity>]`: the start of a new rule, as
// CONTRIBUTING.md "Add a rule" describes it. Writes server/src/rules/<id>.ts, adds its line to the registry
// (server/src/rules/index.ts, in alphabetical order), writes test/rules/<id>/invalid.yaml and valid.yaml, and
// regenerates the rule pages and the README table. The tests fail until the rule is written: its docs still say
// TODO, its bad example does not fire, its fixtures have no finding.
//
// `--root <dir>` works on another copy of the repository and `--no-docs` skips the page (for the scaffolder's test).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const USAGE = 'usage: npm run new-rule <rule-id> [--category <category>] [--severity <severity>]';
const SEVERITIES = ['error', 'warning', 'info', 'hint'];

export function parseArgs(argv) {
  const options = { id: undefined, category: 'owners', severity: 'warning', root: join(dirname(fileURLToPath(import.meta.url)), '..'), docs: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value. ${USAGE}`);
      return next;
    };
    if (arg === '--category') options.category = value();
    else if (arg === '--severity') options.severity = value();
    else if (arg === '--root') options.root = value();
    else if (arg === '--no-docs') options.docs = false;
    else if (arg.startsWith('-')) throw new Error(`Unknown option ${arg}. ${USAGE}`);
    else if (options.id === undefined) options.id = arg;
    else throw new Error(`One rule id at a time. ${USAGE}`);
  }
  if (options.id === undefined) throw new Error(USAGE);
  return options;
}

/** The categories, read from their one home: the `RuleCategory` type in rule.ts. */
function categories(root) {
  const source = readFileSync(join(root, 'server/src/rules/rule.ts'), 'utf8');
  const union = /export type RuleCategory =([^;]+);/.exec(source)?.[1] ?? '';
  return [...union.matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

export function camelCase(id) {
  return id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
}

/** The registry with the rule's import and list entry added in alphabetical order. */
export function withRule(registry, id) {
  const name = camelCase(id);
  const imports = [...registry.matchAll(/^import (\w+) from '\.\/([a-z0-9-]+)';$/gm)].map((m) => ({ name: m[1], id: m[2], line: m[0] }));
  if (imports.length === 0) throw new Error('server/src/rules/index.ts has no rule imports to add to');
  if (imports.some((i) => i.id === id)) throw new Error(`The registry already imports ${id}.`);
  const before = imports.find((i) => i.id > id);
  const importLine = `import ${name} from './${id}';`;
  let text = before
    ? registry.replace(`${before.line}\n`, `${importLine}\n${before.line}\n`)
    : registry.replace(`${imports[imports.length - 1].line}\n`, `${imports[imports.length - 1].line}\n${importLine}\n`);
  const list = /export const RULES: readonly Rule\[\] = \[\n([\s\S]*?)\n\];/.exec(text);
  if (!list) throw new Error('server/src/rules/index.ts has no `RULES` list to add to');
  const entries = list[1].split('\n');
  const names = imports.map((i) => i.name);
  if (entries.map((e) => e.trim().replace(/,$/, '')).join() !== names.join()) {
    throw new Error('The RULES list of server/src/rules/index.ts is not in the order of its imports; fix it first.');
  }
  const at = before ? names.indexOf(before.name) : entries.length;
  entries.splice(at, 0, `  ${name},`);
  text = text.replace(list[0], `export const RULES: readonly Rule[] = [\n${entries.join('\n')}\n];`);
  return text;
}

export function ruleFile(id, category, severity) {
  return `// TODO: what this rule flags, in one line.

import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: '${id}',
    category: '${category}',
    defaultSeverity: '${severity}',
    fixable: 'none',
    sources: [],
    docs: {
      summary: 'TODO: one sentence saying what the rule checks.',
      rationale: 'TODO: why it matters, in our own words, naming the article it rests on (never copying it).',
      howToFix: 'TODO: how to fix a finding, in words; describe the quick-fixes too, if any.',
      bad: 'crmteam: 1\\nproject:\\n  name: Demo\\n# TODO: a complete plan on which the rule fires\\n',
      good: 'crmteam: 1\\nproject:\\n  name: Demo\\n# TODO: the same plan, corrected\\n',
    },
  },
  check() {
    // TODO: take \`{ plan, report }\`, read the plan and call \`report({ range, message })\` for each problem
    // (CONTRIBUTING.md, "Add a rule").
  },
});
`;
}

export function scaffold(options) {
  const { id, category, severity, root } = options;
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id)) throw new Error(`"${id}" is not a rule id: lower-case words joined by hyphens, named after the problem (e.g. it-owner-required).`);
  const known = categories(root);
  if (!known.includes(category)) throw new Error(`Unknown category "${category}"; one of: ${known.join(', ')}.`);
  if (!SEVERITIES.includes(severity)) throw new Error(`Unknown severity "${severity}"; one of: ${SEVERITIES.join(', ')}.`);
  const rulePath = join(root, 'server/src/rules', `${id}.ts`);
  const fixtures = join(root, 'test/rules', id);
  if (existsSync(rulePath)) throw new Error(`server/src/rules/${id}.ts already exists.`);
  if (existsSync(fixtures)) throw new Error(`test/rules/${id}/ already exists.`);
  const registryPath = join(root, 'server/src/rules/index.ts');
  const registry = withRule(readFileSync(registryPath, 'utf8'), id);

  writeFileSync(rulePath, ruleFile(id, category, severity));
  writeFileSync(registryPath, registry);
  mkdirSync(fixtures, { recursive: true });
  writeFileSync(join(fixtures, 'invalid.yaml'), `# TODO: plans on which ${id} fires, with a comment next to every node a fix edits.\ncrmteam: 1\nproject:\n  name: Demo\n`);
  writeFileSync(join(fixtures, 'valid.yaml'), `# TODO: a near miss on which ${id} must not fire.\ncrmteam: 1\nproject:\n  name: Demo\n`);
  return [`server/src/rules/${id}.ts`, 'server/src/rules/index.ts', `test/rules/${id}/invalid.yaml`, `test/rules/${id}/valid.yaml`];
}

function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
    const written = scaffold(options);
    for (const path of written) console.log(`wrote ${path}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  if (options.docs) {
    const docs = spawnSync('npm', ['run', '--silent', 'docs'], { cwd: options.root, stdio: 'inherit' });
    if (docs.status !== 0) process.exit(docs.status ?? 1);
  }
  console.log(`\nNext: write the rule and its docs, fill in the fixtures, then \`UPDATE_GOLDEN=1 npm test -- unit\` and \`npm run docs\` (CONTRIBUTING.md, "Add a rule").`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
