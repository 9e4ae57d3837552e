// Notes a plan with an integrator whose `integratorSelection` leaves out the IT owner, or, while the integrator is still
// to be chosen, is missing; offers to add the IT owner.

import type { Edit, Fix } from '../core/finding';
import { insertPair } from '../model/edits';
import type { YamlModel } from '../model/yamlModel';
import { addParticipantFix, personLabel } from './fixes';
import { defineRule } from './rule';
import { mention } from '../plan/labels';

export default defineRule({
  meta: {
    id: 'integrator-selection-needs-it-owner',
    category: 'leadership',
    defaultSeverity: 'info',
    fixable: 'safe',
    sources: ['000'],
    docs: {
      summary: 'When the plan has an integrator, the IT owner takes part in `integratorSelection`; during the `selection` phase the activity must exist.',
      rationale:
        'Business owners are rarely in a position to judge what makes an integrator good, or what working well with one looks like, while the IT owner usually knows integrators, or colleagues who have worked with them. The article on the IT owner (000) therefore puts the IT owner at the centre of choosing the integrator. Once the project is past the `selection` phase the integrator has been chosen, so a missing `integratorSelection` activity is only reported while `project.phase` is `selection`; an activity that the plan does record is still checked for the IT owner.',
      howToFix:
        'Add an `integratorSelection` activity owned by the IT owner, or add the IT owner to its participants. The quick-fix does whichever applies, when the plan names an IT owner. If the integrator has already been chosen, set `project.phase` to where the project stands.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: jdoe\npartners:\n  integrator: { organization: Northwind }\nactivities:\n  integratorSelection: { owner: msmith }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: jdoe\npartners:\n  integrator: { organization: Northwind }\nactivities:\n  integratorSelection: { owner: msmith, participants: [jdoe] }\n',
    },
  },
  check({ plan, model, report }) {
    if (!plan.integrator) return;
    const activity = plan.activities.get('integratorSelection');
    // An undefined IT owner id counts as nobody: there is then no IT owner to require.
    const itOwner = plan.definedItOwnerId;
    const range = plan.anchor(['activities', 'integratorSelection'], ['activities'], ['partners', 'integrator']);

    if (activity) {
      if (itOwner === undefined || activity.memberIds.has(itOwner)) return;
      const fixes: Fix[] = [addParticipantFix(plan, 'integratorSelection', itOwner, 'IT owner: best placed to judge integrators')];
      report({
        range,
        message: `The IT owner ${mention(plan, itOwner)} takes no part in \`integratorSelection\`. Business owners are seldom able to judge integrators, while the IT owner usually knows them or colleagues who have worked with them; add the IT owner to its participants.`,
        fixes,
      });
      return;
    }

    // Past selection the integrator is chosen: advice to plan that choice would be stale (ARCHITECTURE.md, "Decided edge cases").
    if (plan.project.phase !== 'selection') return;
    // A misspelt `integratorSelection` (or `activities`) key is the schema rule's finding, not a missing activity.
    if (plan.misspeltPath(['activities', 'integratorSelection'])) return;
    const fixes: Fix[] = [];
    if (itOwner !== undefined) {
      fixes.push({
        title: `Add \`integratorSelection\` owned by the IT owner ${personLabel(plan, itOwner)} (best placed to judge integrators)`,
        safety: 'safe',
        preferred: true,
        edits: [createActivityEdit(model, itOwner)],
      });
    }
    report({
      range,
      message: itOwner !== undefined
        ? `The project is in its selection phase and works with an integrator, but the plan has no \`integratorSelection\` activity. Choosing the integrator calls for the IT owner's judgement; add \`integratorSelection\` with ${mention(plan, itOwner)} as owner.`
        : 'The project is in its selection phase and works with an integrator, but the plan has no `integratorSelection` activity. Choosing the integrator calls for the IT owner\'s judgement; name an IT owner under `roles` and add `integratorSelection` with them as owner.',
      fixes,
    });
  },
});


/**
 * `integratorSelection: { owner: <IT owner> }` under `activities` (created when missing), or `owner:` written into an
 * empty `integratorSelection:`.
 */
function createActivityEdit(model: YamlModel, itOwner: string): Edit {
  const path = ['activities', 'integratorSelection'];
  return model.pairAt(path)
    ? insertPair(model, path, 'owner', itOwner, 'activity')
    : insertPair(model, ['activities'], 'integratorSelection', { owner: itOwner });
}
