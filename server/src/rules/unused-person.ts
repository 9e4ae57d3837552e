// Points out people defined under `people` whom no role, partner or activity names: leftovers or forgotten assignments.

import { defineRule } from './rule';
import { mention } from '../plan/labels';

export default defineRule({
  meta: {
    id: 'unused-person',
    category: 'structure',
    defaultSeverity: 'hint',
    tags: ['unnecessary'],
    fixable: 'none',
    sources: [],
    docs: {
      summary: 'Every person defined under `people` should hold a role, lead a partner team or take part in an activity.',
      rationale:
        'A person who is defined but named nowhere else has no part in the plan. Usually they were meant to take on some ' +
        'work and the assignment was forgotten, or they left the project and their entry stayed behind; either way the ' +
        'list of people no longer matches the team, and readers of the plan cannot tell which it is.',
      howToFix:
        'Give the person the role or activity they were meant to have, for example as a participant of an activity, or ' +
        'delete their entry under `people` if they are not part of the project. There is no quick-fix: only you know which is right.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\n  akim: { name: Alex Kim, department: sales }\nroles:\n  itOwner: jdoe\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\n  akim: { name: Alex Kim, department: sales }\nroles:\n  itOwner: jdoe\n  superUsers: [akim]\n',
    },
  },
  check({ plan, report }) {
    // Under a misspelt section (`Roles:`, `activites:`) references are not read: nobody can be called unused then.
    if (['roles', 'partners', 'activities'].some((section) => plan.misspeltPath([section]))) return;
    const referenced = new Set(plan.references.map((ref) => ref.id));
    for (const person of plan.peopleInOrder()) {
      if (referenced.has(person.id)) continue;
      report({
        range: person.keyRange,
        message: `${mention(plan, person.id)} is defined under \`people\` but holds no role and takes part in no activity. Assign them where they are meant to help, or remove the entry if they are not on the project.`,
      });
    }
  },
});
