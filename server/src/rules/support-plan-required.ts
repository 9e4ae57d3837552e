// Flags a plan that says nothing about support after rollout; offers an `ongoingSupport` activity owned by the IT owner.

import type { Fix } from '../core/finding';
import { insertPair } from '../model/edits';
import { personLabel } from './fixes';
import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'support-plan-required',
    category: 'owners',
    defaultSeverity: 'warning',
    fixable: 'safe',
    sources: ['000', '002'],
    docs: {
      summary: 'The plan must say who supports the tool after rollout: an `ongoingSupport` activity, a `supportTeam`, or an integrator that provides full support.',
      rationale:
        'Going live is not the end of the work: users need help, the system needs administering, and requests for changes ' +
        'keep coming for as long as the tool is used. The articles on the IT owner (000) and on the technical staffers ' +
        '(002) both ask for support to be prepared while the project is still running, so that the people who will do it ' +
        'can be found or hired and trained on the customised system in time.',
      howToFix:
        'Add an `ongoingSupport` activity under `activities`, or list the support people under `roles.supportTeam`. If ' +
        'your integrator has really agreed to provide all support after rollout, say so with ' +
        '`partners.integrator.providesFullSupport: true`. The quick-fix adds `ongoingSupport` owned by the IT owner.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: jdoe\nactivities:\n  rolloutSupport: { owner: jdoe }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: jdoe\nactivities:\n  rolloutSupport: { owner: jdoe }\n  ongoingSupport: { owner: jdoe }\n',
    },
  },
  check({ plan, model, report }) {
    if (plan.activities.has('ongoingSupport')) return;
    // A misspelt `ongoingSupport` (or `activities`, `supportTeam`) is the schema rule's one finding; a fix here would
    // add a second copy of what the user already wrote.
    if (plan.misspeltPath(['activities', 'ongoingSupport']) || plan.misspeltPath(['roles', 'supportTeam'])) return;
    // A list whose entries are all undefined ids counts as empty (ARCHITECTURE.md, "Decided edge cases").
    if (plan.definedListMembers('supportTeam').length > 0) return;
    if (plan.integrator?.providesFullSupport === true) return;

    const fixes: Fix[] = [];
    const itOwner = plan.definedItOwnerId;
    // An `ongoingSupport` key whose value is not a mapping is not defined, but it is there: fill it in rather than
    // adding a second one (insertPair refuses to write into a value that is neither empty nor a mapping).
    const existing = model.pairAt(['activities', 'ongoingSupport']);
    if (itOwner !== undefined) {
      const edit = existing
        ? insertPair(model, ['activities', 'ongoingSupport'], 'owner', itOwner, 'activity')
        : insertPair(model, ['activities'], 'ongoingSupport', { owner: itOwner });
      fixes.push({
        title: `Add \`ongoingSupport\` owned by the IT owner ${personLabel(plan, itOwner)} (support after rollout must be planned)`,
        // Safe when the IT owner is one of the company's own people; an outside IT owner is a choice to review.
        safety: plan.isInternal(itOwner) ? 'safe' : 'unsafe',
        preferred: true,
        edits: [edit],
      });
    }
    report({
      range: plan.anchor(['activities']),
      message: 'Nobody is planned to support the tool after rollout: there is no `ongoingSupport` activity, no `roles.supportTeam`, and no integrator providing full support. Plan support now so the people who will do it can be found and trained in time.',
      fixes,
    });
  },
});
