// Flags a person id that describes different people in two places of one scope (two plans, or a plan and the
// roster): ids are organisation-wide within a configuration's scope.

import type { PersonFact } from '../plan/facts';
import { defineScopeRule, MAX_RELATED_PLACES } from './rule';

export default defineScopeRule({
  meta: {
    id: 'person-conflict',
    category: 'structure',
    defaultSeverity: 'warning',
    fixable: 'none',
    sources: [],
    docs: {
      summary: 'Within the plans of one configuration, and its roster, a person id has the same `name` (and `email`, where both give one) everywhere.',
      rationale:
        'Under one `crmteam.config.yaml`, a person id means the same person in every plan, like a user name: that is ' +
        'what lets the checks add up one person\'s time across plans and lets a rename reach every file. When two ' +
        'files describe `jdoe` differently, either two people share an id or one entry is out of date, and the ' +
        'cross-plan checks would mix them up.',
      howToFix:
        'Make the entries agree, or remove the plan\'s own entry so that the roster\'s applies. When they really are ' +
        'two people, give one of them another id (rename it in the editor to update every reference).',
      bad:
        '# file: crmteam.config.yaml\ncrmteam-config: 1\nroster: people.yaml\n' +
        '# file: people.yaml\ncrmteam-roster: 1\npeople:\n  jdoe: { name: John Doe, department: it }\n' +
        '# file: sales.crmteam.yaml\ncrmteam: 1\nproject:\n  name: Sales CRM\npeople:\n  jdoe: { name: Jane Doe, department: sales }\nroles:\n  itOwner: jdoe\n',
      good:
        '# file: crmteam.config.yaml\ncrmteam-config: 1\nroster: people.yaml\n' +
        '# file: people.yaml\ncrmteam-roster: 1\npeople:\n  jdoe: { name: John Doe, department: it }\n' +
        '# file: sales.crmteam.yaml\ncrmteam: 1\nproject:\n  name: Sales CRM\npeople:\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: jdoe\n',
    },
  },
  checkScope({ plans, roster, report }) {
    const places = new Map<string, { file: string; person: PersonFact; inRoster: boolean }[]>();
    const add = (file: string, person: PersonFact, inRoster: boolean) => {
      const list = places.get(person.id);
      if (list) list.push({ file, person, inRoster });
      else places.set(person.id, [{ file, person, inRoster }]);
    };
    for (const person of roster?.facts.people ?? []) add(roster!.file, person, true);
    for (const { file, facts } of plans) for (const person of facts.people) add(file, person, false);
    for (const [id, list] of places) {
      if (list.length < 2) continue;
      for (const here of list) {
        if (here.inRoster) continue;
        const others = list.filter((other) => other.file !== here.file && differ(here.person, other.person));
        if (others.length === 0) continue;
        const first = others[0]!;
        const what = here.person.name !== undefined && first.person.name !== undefined && here.person.name !== first.person.name
          ? `${here.person.name} here but ${first.person.name}`
          : `${here.person.email} here but ${first.person.email}`;
        const there = first.inRoster ? `in the roster (${first.file})` : `in ${first.file}`;
        report(here.file, {
          at: here.person.key,
          message: `\`${id}\` is ${what} ${there}${others.length > 1 ? ` (and differs in ${others.length - 1} more)` : ''}: within plans that share a configuration, one id names one person. Make the entries agree, or give one of them another id.`,
          related: others.slice(0, MAX_RELATED_PLACES).map((other) => ({
            file: other.file,
            at: other.person.key,
            message: `\`${id}\` ${other.inRoster ? 'in the roster' : `in ${other.file}`}: ${[other.person.name, other.person.email].filter(Boolean).join(', ')}`,
          })),
        });
      }
    }
  },
});

/** Different people: another name, or another email when both give one. */
function differ(a: PersonFact, b: PersonFact): boolean {
  if (a.name !== undefined && b.name !== undefined && a.name !== b.name) return true;
  return a.email !== undefined && b.email !== undefined && a.email.toLowerCase() !== b.email.toLowerCase();
}
