// Flags a plan with no IT owner and offers to name one: each IT-side person who is not a business owner, or a new person.

import type { Fix } from '../core/finding';
import { setValue } from '../model/edits';
import { addPersonEdit, freshPersonId, personLabel, rankCandidates } from './fixes';
import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'it-owner-required',
    category: 'owners',
    defaultSeverity: 'error',
    fixable: 'unsafe',
    sources: ['000'],
    docs: {
      summary: 'The plan must name an IT owner under `roles.itOwner`.',
      rationale:
        'The IT owner is the technical counterpart of the business owners: they bring the IT landscape, the staff and the long-term care of the tool into the project. The article on the IT owner (000) holds that a project needs a suitable one even when its requirements on IT look light, and even alongside a capable integrator and a capable project manager, because the tool has to become part of the company\'s own infrastructure and IT has to confirm early that the project fits the architecture.',
      howToFix:
        'Add `itOwner` under `roles`, naming an internal IT person who is not already a business owner. The quick-fixes offer each such person, ranked by how much room they have, and one that adds a new person for you to fill in.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  jdoe: { name: John Doe, department: it }\nroles:\n  businessOwners: [msmith]\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  jdoe: { name: John Doe, department: it }\nroles:\n  businessOwners: [msmith]\n  itOwner: jdoe\n',
    },
  },
  check({ plan, report }) {
    if (plan.roles.single.has('itOwner') || plan.misspeltPath(['roles', 'itOwner'])) return;
    const businessOwners = new Set(plan.businessOwners().flatMap((a) => (a.ref ? [a.ref.id] : [])));
    const candidates = rankCandidates(plan, plan.knownIds().filter((id) => plan.isITSide(id) && !businessOwners.has(id)));
    const fixes: Fix[] = candidates.map((c, index) => ({
      title: `Make ${personLabel(plan, c.id)} the IT owner: ${c.reasons.join('; ')}`,
      safety: 'unsafe',
      ...(index === 0 ? { preferred: true } : {}),
      edits: [setValue(plan.model, ['roles', 'itOwner'], c.id)],
    }));
    const newId = freshPersonId(plan, 'it-owner');
    fixes.push({
      title: `Add a new person \`${newId}\` as IT owner (fill in the name)`,
      safety: 'unsafe',
      edits: [
        addPersonEdit(plan, newId, 'IT owner (to be named)', 'it', { title: 'Business Applications Manager' }),
        setValue(plan.model, ['roles', 'itOwner'], newId),
      ],
    });
    report({
      range: plan.anchor(['roles']),
      message: 'The plan names no IT owner. Even with a good integrator and project manager, someone from your own IT must own the technical side beside the business owners, so the tool becomes part of your infrastructure; add `itOwner` under `roles`.',
      fixes,
    });
  },
});
