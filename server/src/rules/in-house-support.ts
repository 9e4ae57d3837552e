// Flags support after rollout that has nobody from the company's own IT, when the integrator does not provide full
// support; offers to add an internal IT owner to `ongoingSupport`.

import type { Fix } from '../core/finding';
import { addParticipantFix } from './fixes';
import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'in-house-support',
    category: 'data-and-rollout',
    defaultSeverity: 'warning',
    fixable: 'safe',
    sources: ['002', '000'],
    docs: {
      summary: 'Unless the integrator provides full support, someone from internal IT is in `ongoingSupport` or `roles.supportTeam`.',
      rationale:
        'Once the system is live, someone has to keep it running, fix what breaks and take in requests for changes, for as long as it is used. The article on the technical staffers (002) expects that work to fall to the company\'s own IT staff, unless the integrator provides full support after rollout, which it calls very rare. The article on the IT owner (000) has the IT owner plan that support during the project, up to hiring dedicated staff if need be. A plan whose support is staffed only by an outsourced service desk, the vendor or the business has nobody inside IT to carry it.',
      howToFix:
        'Add the IT owner, or internal IT staff who will support the tool, to `activities.ongoingSupport` or to `roles.supportTeam`. Outside support can stay beside them. If the integrator really provides all support after rollout, say so with `partners.integrator.providesFullSupport: true`. The quick-fix adds the IT owner to the participants of `ongoingSupport` when the plan names an internal one.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\n  sdesk: { name: Service Desk, affiliation: consultant, organization: Helpline Ltd }\nroles:\n  itOwner: jdoe\nactivities:\n  ongoingSupport: { owner: sdesk }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\n  sdesk: { name: Service Desk, affiliation: consultant, organization: Helpline Ltd }\nroles:\n  itOwner: jdoe\nactivities:\n  ongoingSupport: { owner: sdesk, participants: [jdoe] }\n',
    },
  },
  check({ plan, report }) {
    if (plan.integrator?.providesFullSupport === true) return;
    const ongoing = plan.activities.get('ongoingSupport');
    // An empty `supportTeam`, or one whose entries are all undefined, counts as not defined (ARCHITECTURE.md, "Decided edge cases").
    const team = plan.definedListMembers('supportTeam');
    if (!ongoing && team.length === 0) return;
    if ([...(ongoing?.memberIds ?? []), ...team].some((id) => plan.isITSide(id))) return;
    const itOwner = plan.definedItOwnerId;
    const fixes: Fix[] = [];
    if (ongoing && itOwner !== undefined && plan.isInternal(itOwner)) {
      fixes.push(addParticipantFix(plan, 'ongoingSupport', itOwner, 'IT owner: in-house IT maintains the tool'));
    }
    const where = ongoing && team.length > 0 ? '`ongoingSupport` and `roles.supportTeam` name' : ongoing ? '`ongoingSupport` names' : '`roles.supportTeam` names';
    const add = fixes.length > 0 ? `the IT owner \`${itOwner}\` or other internal IT staff` : 'internal IT staff, such as the IT owner,';
    report({
      range: ongoing ? ongoing.keyRange : plan.anchor(['roles', 'supportTeam']),
      message: `Support after rollout has nobody from your own IT: ${where} no IT-side person. Without full support from the integrator, the upkeep of the tool falls to your own IT once it is live; add ${add} to it.`,
      fixes,
    });
  },
});
