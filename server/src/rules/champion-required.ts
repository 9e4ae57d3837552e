// Flags a plan without a client-side CRM champion and offers to name one: each business owner, or a new person.

import type { Edit, Fix } from '../core/finding';
import { setValue } from '../model/edits';
import { addPersonEdit, freshPersonId, personLabel, rankCandidates } from './fixes';
import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'champion-required',
    category: 'owners',
    defaultSeverity: 'warning',
    fixable: 'unsafe',
    sources: ['004'],
    docs: {
      summary: 'The plan should name a client-side CRM champion under `roles.champion`.',
      rationale:
        'The champion is the person inside the company who believes in the project, is listened to across departments, ' +
        'and keeps pushing until the new way of working sticks. The article on who owns a CRM project (004) argues that, ' +
        'however strong the supplier\'s team, this one client-side person often decides whether the project succeeds.',
      howToFix:
        'Add `champion` under `roles`, naming a respected internal person who communicates well at every level; a ' +
        'business owner is often the natural choice. The quick-fixes offer each business owner, ranked by how much room ' +
        'they have, and one that adds a new person for you to fill in.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\nroles:\n  businessOwners: [msmith]\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\nroles:\n  businessOwners: [msmith]\n  champion: msmith\n',
    },
  },
  check({ plan, model, report }) {
    // An empty or unreadable `champion:` counts as absent (invalid values count as absent, ARCHITECTURE.md); a misspelt key
    // is the schema rule's one finding.
    if (plan.roles.single.has('champion') || plan.misspeltPath(['roles', 'champion'])) return;
    const fixes: Fix[] = [];
    const owners = plan.businessOwners().flatMap((a) => (a.ref ? [a.ref.id] : []));
    const candidates = rankCandidates(plan, owners);
    candidates.forEach((c, index) => {
      fixes.push({
        title: `Make business owner ${personLabel(plan, c.id)} the champion: ${c.reasons.join('; ')}`,
        safety: 'unsafe',
        ...(index === 0 ? { preferred: true } : {}),
        edits: [setValue(model, ['roles', 'champion'], c.id)],
      });
    });
    const newId = freshPersonId(plan, 'crm-champion');
    const edits: Edit[] = [
      addPersonEdit(plan, newId, 'Champion (to be named)', 'sales'),
      setValue(model, ['roles', 'champion'], newId),
    ];
    fixes.push({
      title: `Add a new person \`${newId}\` as champion (fill in the name and department)`,
      safety: 'unsafe',
      ...(candidates.length === 0 ? { preferred: true } : {}),
      edits,
    });
    report({
      range: plan.anchor(['roles']),
      message: 'The plan names no CRM champion. Someone respected inside the company should carry the project and keep its goals on track with the users; add `champion` under `roles`.',
      fixes,
    });
  },
});
