// Flags a `customization` owned by an outside party with no in-house application programmer taking part;
// offers to add each internal `applicationProgramming` person to its participants.

import type { Fix } from '../core/finding';
import { addParticipantFix, rankCandidates } from './fixes';
import { defineRule } from './rule';
import { mention } from '../plan/labels';

export default defineRule({
  meta: {
    id: 'in-house-programmers',
    category: 'technical',
    defaultSeverity: 'warning',
    fixable: 'safe',
    sources: ['002'],
    docs: {
      summary: 'When an outside party owns `customization`, at least one in-house application programmer takes part in it.',
      rationale:
        'Handing the customization work to an integrator is usually sensible, but the company\'s own programmers will maintain that code once the integrator has left. The article on the technical staffers (002) argues that a few weeks spent coding next to the integrator\'s programmers is worth the apparent delay, because it teaches how the customizations really work and makes the handoff to support smooth.',
      howToFix:
        'Add an internal person listed under `roles.technicalStaff.applicationProgramming` to the participants of `customization`; if the plan has none, name one there first. The quick-fixes add each in-house programmer, the least loaded one preferred.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  dchen: { name: Dana Chen, department: it }\n  plee: { name: Pat Lee, affiliation: integrator, organization: Northwind }\nroles:\n  technicalStaff:\n    applicationProgramming: [dchen]\nactivities:\n  customization: { owner: plee }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  dchen: { name: Dana Chen, department: it }\n  plee: { name: Pat Lee, affiliation: integrator, organization: Northwind }\nroles:\n  technicalStaff:\n    applicationProgramming: [dchen]\nactivities:\n  customization: { owner: plee, participants: [dchen] }\n',
    },
  },
  check({ plan, report }) {
    const activity = plan.activities.get('customization');
    if (!activity?.owner || !plan.isExternal(activity.owner.id)) return;
    const programmers = (plan.roles.technicalStaff.get('applicationProgramming') ?? [])
      .flatMap((a) => (a.ref && plan.isInternal(a.ref.id) ? [a.ref.id] : []));
    if (programmers.some((id) => activity.memberIds.has(id))) return;
    const candidates = rankCandidates(plan, programmers);
    const fixes: Fix[] = [];
    for (const c of candidates) {
      const fix = addParticipantFix(plan, 'customization', c.id, `in-house programmer: ${c.reasons.join('; ')}`);
      // Each fix adds one programmer, which is enough; the least loaded one is preferred.
      fixes.push(fixes.length === 0 ? fix : { title: fix.title, safety: fix.safety, edits: fix.edits });
    }
    const owner = mention(plan, activity.owner.id);
    const names = candidates.map((c) => `\`${c.id}\``);
    const todo = names.length > 0
      ? `add ${names.length === 1 ? 'the in-house programmer' : 'one of the in-house programmers'} (${names.join(', ')}) to its participants.`
      : 'name an internal person under `roles.technicalStaff.applicationProgramming` and add them to its participants.';
    report({
      range: activity.keyRange,
      message: `\`customization\` is owned by the outside party ${owner} and no in-house application programmer takes part. Your own programmers will support this code after the project, so they should help write it; ${todo}`,
      fixes,
    });
  },
});
