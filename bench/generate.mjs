// Generates realistic, valid `.crmteam.yaml` plans of a given size, deterministically (a seeded generator): comments,
// block and flow style, every role and every activity, people referenced everywhere, long participant lists.
// Big plans are big the way real ones would be: many people, long lists of super-users, support staff and participants.
//
//   node bench/generate.mjs 10000 > big.crmteam.yaml      (about 10,000 lines)
//
// Used by bench/run.mjs and by the robustness tests (imported; see generate.d.mts).

const FIRST = ['Maria', 'John', 'Kim', 'Alex', 'Rosa', 'Thanh', 'Siobhan', 'David', 'Louis', 'Pat', 'Sam', 'Dana', 'Helen', 'Omar', 'Yuki', 'Priya', 'Lars', 'Ana', 'Kofi', 'Mei'];
const LAST = ['Smith', 'Doe', 'Park', 'Kim', 'Lopez', 'Nguyen', "O'Brien", 'Chen', 'Martin', 'Lee', 'Patel', 'Cole', 'Ortiz', 'Haddad', 'Sato', 'Rao', 'Berg', 'Silva', 'Mensah', 'Wong'];
const BUSINESS = ['sales', 'marketing', 'customer-service', 'operations', 'finance'];
const TITLES = {
  sales: ['Account Executive', 'Sales Manager', 'VP Sales'],
  marketing: ['Campaign Manager', 'Marketing Operations Specialist'],
  'customer-service': ['Customer Service Lead', 'Support Agent'],
  operations: ['Operations Analyst', 'Project Manager'],
  finance: ['Financial Controller', 'Billing Specialist'],
  it: ['Systems Administrator', 'Database Administrator', 'Network Engineer', 'Application Developer', 'UX Designer', 'Web Designer'],
};
const TECH = ['systemAdministration', 'databaseAdministration', 'networkManagement', 'applicationProgramming', 'uiDesign', 'webDesign'];
const ACTIVITIES = ['requirements', 'toolSelection', 'integratorSelection', 'referenceChecks', 'installation', 'customization', 'integration', 'environments', 'testing', 'dataMigration', 'training', 'dataQuality', 'rolloutSupport', 'ongoingSupport', 'vision'];

/** A small deterministic generator (mulberry32), so every run measures the same text. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A plan of about `lines` lines (within a few percent from 1,000 lines up; small plans have a fixed core of ~100).
 * Every person is defined and every definition is used; allocations stay within 100% per person.
 */
export function generatePlan(lines, seed = 1) {
  // The size grows linearly with the number of people past a fixed core: a few proportional corrections find it.
  let people = Math.max(10, Math.round(lines / 3));
  let text = render(people, seed);
  for (let round = 0; round < 6; round++) {
    const got = lineCount(text);
    if (Math.abs(got - lines) <= lines * 0.01) break;
    const core = lineCount(render(10, seed)) - 10 * 2.8;
    people = Math.max(10, Math.round(people * Math.max(1, lines - core) / Math.max(1, got - core)));
    text = render(people, seed);
  }
  return text;
}

function lineCount(text) {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function render(count, seed) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const out = [];
  const push = (line) => out.push(line);

  // People: the first ones fill the fixed roles; then business and IT staff in a 3:1 ratio; a few outside people.
  const people = [];
  const add = (id, department, extra = {}) => {
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    people.push({ id, name, department, title: extra.title ?? pick(TITLES[department] ?? ['Director']), ...extra });
    return id;
  };
  const sponsor = add('ceo', 'executive', { title: 'Chief Executive Officer' });
  const itOwner = add('it-owner', 'it', { title: 'Business Applications Manager' });
  const pm = add('pm', 'operations', { title: 'Project Manager' });
  const lead = add('integrator-lead', 'other', { affiliation: 'integrator', organization: 'Northwind Integrators', title: 'Engagement Lead' });
  const vpm = add('vendor-pm', 'other', { affiliation: 'vendor', organization: 'Contoso CRM', title: 'Project Manager' });
  const vtc = add('vendor-tc', 'other', { affiliation: 'vendor', organization: 'Contoso CRM', title: 'Technical Contact' });
  const consultant = add('consultant', 'other', { affiliation: 'consultant', organization: 'Fabrikam Advisory', title: 'CRM Consultant' });
  const business = [];
  const it = [];
  for (let i = 0; people.length < count; i++) {
    if (i % 4 === 3) it.push(add(`it${String(it.length + 1).padStart(5, '0')}`, 'it'));
    else {
      const dept = BUSINESS[i % BUSINESS.length];
      business.push(add(`${dept.slice(0, 3)}${String(business.length + 1).padStart(5, '0')}`, dept));
    }
  }
  const owners = business.slice(0, Math.max(2, Math.min(12, Math.ceil(business.length / 200))));
  const champion = owners[0];
  const rest = business.slice(owners.length);
  const superUsers = rest.filter((_, i) => i % 3 === 0);
  const trainers = rest.filter((_, i) => i % 11 === 1);
  const staff = Object.fromEntries(TECH.map((fn, f) => [fn, it.filter((_, i) => i % TECH.length === f)]));
  const support = it.filter((_, i) => i % 2 === 0);

  push(`# Team plan for a generated CRM rollout: ${count} people.`);
  push('# Generated by bench/generate.mjs; realistic in shape, not in names.');
  push('crmteam: 1');
  push('');
  push('project:');
  push(`  name: Generated CRM rollout (${count} people)`);
  push('  companySize: enterprise');
  push('  delivery: integrator          # most implementation work is done by Northwind Integrators');
  push('  scope: enterprise-wide');
  push('  complexity: complex');
  push('  customerFacing: true          # includes the customer portal');
  push('  integrations: [ERP, billing, "data warehouse"]');
  push('  phase: implementation');
  push('');
  push('people:');
  let section = '';
  for (const [index, p] of people.entries()) {
    if (p.department !== section && index < 7) { /* the fixed people come first, without section comments */ }
    else if (p.department !== section && index >= 7 && index < 7 + 8) push(`  # ${p.department}`);
    section = p.department;
    const fields = [`name: ${yamlText(p.name)}`, `title: ${yamlText(p.title)}`];
    if (p.affiliation) fields.push(`affiliation: ${p.affiliation}`, `organization: ${yamlText(p.organization)}`);
    else fields.push(`department: ${p.department}`);
    if (index % 3 === 0) {
      // Block style, some with an email.
      push(`  ${p.id}:`);
      for (const f of fields) push(`    ${f}`);
      if (index % 6 === 0) push(`    email: ${p.id}@example.com`);
    } else {
      push(`  ${p.id}: { ${fields.join(', ')} }${index % 7 === 0 ? '   # joined this quarter' : ''}`);
    }
  }
  push('');
  push('roles:');
  push(`  executiveSponsor: ${sponsor}`);
  push('  businessOwners:');
  owners.forEach((id, i) => {
    push(`    - person: ${id}`);
    push(`      function: ${BUSINESS[i % BUSINESS.length]}`);
    push(`      allocation: ${i === 0 ? 30 : 20}%`);
  });
  push('  itOwner:');
  push(`    person: ${itOwner}`);
  push('    allocation: 100%              # full-time: large company');
  push(`  projectManager: { person: ${pm}, allocation: 80% }`);
  push(`  champion: ${champion}`);
  listBlock(push, '  superUsers:', superUsers, '    ', 'flow-then-block');
  push('  technicalStaff:');
  for (const fn of TECH) listBlock(push, `    ${fn}:`, staff[fn].length ? staff[fn] : [itOwner], '      ', 'flow-then-block');
  listBlock(push, '  supportTeam:                   # support after rollout', support.length ? support : [itOwner], '    ', 'block');
  listBlock(push, '  trainers:', trainers.length ? trainers : [champion], '    ', 'flow-then-block');
  push('');
  push('partners:');
  push('  integrator:');
  push('    organization: Northwind Integrators');
  push(`    lead: ${lead}`);
  push('    providesFullSupport: false');
  push('  vendor: { organization: Contoso CRM, projectManager: vendor-pm, technicalContact: vendor-tc }');
  push('');
  push('activities:');
  // Participants: every business person takes part in some business activity, every IT person in some technical one.
  const businessActs = ['requirements', 'toolSelection', 'testing', 'dataMigration', 'training', 'dataQuality', 'vision'];
  const itActs = ['installation', 'customization', 'integration', 'environments', 'rolloutSupport', 'ongoingSupport'];
  const members = Object.fromEntries(ACTIVITIES.map((a) => [a, []]));
  rest.forEach((id, i) => members[businessActs[i % businessActs.length]].push(id));
  it.forEach((id, i) => members[itActs[i % itActs.length]].push(id));
  const ownerOf = {
    requirements: owners[0], toolSelection: owners[0], integratorSelection: itOwner, referenceChecks: itOwner,
    installation: it[0] ?? itOwner, customization: lead, integration: it[3] ?? itOwner, environments: it[0] ?? itOwner,
    testing: superUsers[0] ?? owners[0], dataMigration: owners[1] ?? owners[0], training: superUsers[1] ?? owners[0],
    dataQuality: owners[0], rolloutSupport: itOwner, ongoingSupport: itOwner, vision: champion,
  };
  const fixed = {
    requirements: [itOwner, pm], toolSelection: [itOwner, consultant, it[0]], integratorSelection: [owners[0]], referenceChecks: [pm],
    installation: [lead, vtc], customization: [it[3] ?? itOwner, vpm], integration: [lead], environments: [lead],
    testing: [it[0] ?? itOwner], dataMigration: [itOwner], training: [], dataQuality: [], rolloutSupport: [it[0] ?? itOwner, lead], ongoingSupport: [], vision: [pm],
  };
  for (const [i, name] of ACTIVITIES.entries()) {
    const participants = [...new Set([...fixed[name].filter(Boolean), ...members[name]])].filter((id) => id !== ownerOf[name]);
    const extra = name === 'testing' ? `, loadTesting: ${it[0] ?? itOwner}` : '';
    if (participants.length <= 6 && i % 2 === 0) {
      push(`  ${name}: { owner: ${ownerOf[name]}, participants: [${participants.join(', ')}]${extra} }`);
    } else {
      push(`  ${name}:${i === 0 ? '                 # business-led' : ''}`);
      push(`    owner: ${ownerOf[name]}`);
      if (extra) push(`    loadTesting: ${it[0] ?? itOwner}`);
      listBlock(push, '    participants:', participants, '      ', i % 3 === 0 ? 'block' : 'flow-then-block');
    }
  }
  return `${out.join('\n')}\n`;
}

/** A list: short ones in flow style on one line, long ones as a block list with a comment now and then. */
function listBlock(push, head, ids, indent, style) {
  if (ids.length === 0) { push(head.includes('#') ? head.replace(/ {2,}#/, ' []   #') : `${head} []`); return; }
  if (style === 'flow-then-block' && ids.length <= 8) { push(`${head} [${ids.join(', ')}]`); return; }
  if (style === 'flow-then-block') {
    // Long flow lists wrapped over lines, as people write them.
    push(`${head} [`);
    for (let i = 0; i < ids.length; i += 8) push(`${indent}${ids.slice(i, i + 8).join(', ')}${i + 8 < ids.length ? ',' : ''}`);
    push(`${indent.slice(2)}]`);
    return;
  }
  push(head);
  ids.forEach((id, i) => push(`${indent.slice(2)}- ${id}${i % 50 === 49 ? '   # next group' : ''}`));
}

function yamlText(text) {
  return /^[A-Za-z][A-Za-z .'-]*$/.test(text) ? text : JSON.stringify(text);
}

// Run as a command only: bundled into a test, `import.meta.url` is the bundle's, which is not this file.
if (import.meta.url.endsWith('/generate.mjs') && /generate\.mjs$/.test(process.argv[1] ?? '')) {
  process.stdout.write(generatePlan(Number(process.argv[2] ?? 1000), Number(process.argv[3] ?? 1)));
}
