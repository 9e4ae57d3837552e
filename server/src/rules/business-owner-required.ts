// Flags a plan without business owners and offers to name one: each business-side person, or a new person.

import type { Edit, Fix } from '../core/finding';
import { appendToSequence } from '../model/edits';
import { addPersonEdit, freshPersonId, personLabel, rankCandidates } from './fixes';
import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'business-owner-required',
    category: 'owners',
    defaultSeverity: 'error',
    fixable: 'unsafe',
    sources: ['001', '000'],
    docs: {
      summary: 'The plan must name at least one business owner under `roles.businessOwners`.',
      rationale:
        'Business owners are the managers of the departments that will work with the CRM tool; they set the direction and ' +
        'answer for how the tool is used. The article on the place of IT in CRM initiatives (001) is clear that a CRM ' +
        'project fails without sponsorship and guidance that come straight from the business users, and the article on ' +
        'the IT owner (000) describes the IT owner as their technical counterpart, which presumes they exist.',
      howToFix:
        'Add `businessOwners` under `roles` with the manager of each department that will use the tool, for example ' +
        '`businessOwners: [msmith]`. The quick-fixes offer each business-side person, ranked by how much room they have, ' +
        'and one that adds a new person for you to fill in.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: jdoe\n  champion: msmith\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  jdoe: { name: John Doe, department: it }\nroles:\n  businessOwners: [msmith]\n  itOwner: jdoe\n  champion: msmith\n',
    },
  },
  check({ plan, model, report }) {
    // Entries that name nobody readable (`[]`, `[""]`, a wrong type) count as absent, and so does a list whose entries
    // are all undefined ids (ARCHITECTURE.md, "Decided edge cases").
    if (plan.definedListMembers('businessOwners').length > 0 || plan.misspeltPath(['roles', 'businessOwners'])) return;
    const fixes: Fix[] = [];
    const path = ['roles', 'businessOwners'];
    const itOwner = plan.itOwnerId;
    const candidates = rankCandidates(plan, plan.knownIds().filter((id) => plan.isBusinessSide(id) && id !== itOwner));
    candidates.forEach((c, index) => {
      fixes.push({
        title: `Make ${personLabel(plan, c.id)} a business owner: ${c.reasons.join('; ')}`,
        safety: 'unsafe',
        ...(index === 0 ? { preferred: true } : {}),
        edits: [appendToSequence(model, path, c.id, 'roles')],
      });
    });
    const newId = freshPersonId(plan, 'business-owner');
    const edits: Edit[] = [
      addPersonEdit(plan, newId, 'Business owner (to be named)', 'sales'),
      appendToSequence(model, path, newId, 'roles'),
    ];
    fixes.push({
      title: `Add a new person \`${newId}\` as business owner (fill in the name and department)`,
      safety: 'unsafe',
      ...(candidates.length === 0 ? { preferred: true } : {}),
      edits,
    });
    report({
      range: plan.anchor(['roles']),
      message: 'The plan names no business owner. A CRM project needs managers from the departments that will use the tool to lead it and own its use; add them under `roles.businessOwners`.',
      fixes,
    });
  },
});
