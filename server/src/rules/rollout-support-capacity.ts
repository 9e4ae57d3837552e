// Flags a plan without rollout support, or with fewer than two people on it, when demand for help peaks after go-live.

import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'rollout-support-capacity',
    category: 'data-and-rollout',
    defaultSeverity: 'info',
    fixable: 'none',
    sources: ['000', '002'],
    docs: {
      summary: 'The plan has a `rolloutSupport` activity with at least two distinct people in it.',
      rationale:
        'The first weeks after go-live bring a burst of questions, stumbles and fresh ideas, however good the training and testing were. The article on the IT owner (000) advises planning for support staff to be very available at that point, and the article on the technical staffers (002) expects support demand at rollout to be high. Neither article gives a number: "at least two people" is this project\'s own measure of high availability, since one person can neither absorb that peak nor cover for an absence.',
      howToFix:
        'Add `rolloutSupport` under `activities` with an owner and participants, so that at least two different defined people are on it; technical staff and super-users are good choices. There is no quick-fix, because who can be freed up at rollout is a staffing decision.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\n  tnguyen: { name: Thanh Nguyen, department: it }\nactivities:\n  rolloutSupport: { owner: jdoe }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\n  tnguyen: { name: Thanh Nguyen, department: it }\nactivities:\n  rolloutSupport: { owner: jdoe, participants: [tnguyen] }\n',
    },
  },
  check({ plan, report }) {
    const activity = plan.activities.get('rolloutSupport');
    // A misspelt `rolloutSupport` (or `activities`) is the schema rule's one finding.
    if (!activity && plan.misspeltPath(['activities', 'rolloutSupport'])) return;
    if (!activity) {
      // Not defined (missing, or not a mapping): shown at its key when it is there, else at `activities`.
      const present = plan.model.pairAt(['activities', 'rolloutSupport']) !== undefined;
      report({
        range: plan.anchor(['activities', 'rolloutSupport'], ['activities']),
        message: present
          ? '`rolloutSupport` is not a mapping, so the plan has no rollout support activity. Demand for help peaks right after go-live; make it `{ owner: …, participants: [ … ] }` with at least two people (our rule of thumb).'
          : 'The plan has no `rolloutSupport` activity. Users need a lot of help right after go-live, so support must be very available then; add `rolloutSupport` under `activities` with at least two people (our rule of thumb).',
      });
      return;
    }
    // An undefined id counts as nobody when members are counted (ARCHITECTURE.md, "Decided edge cases").
    const members = [...activity.memberIds].filter((id) => plan.isDefined(id));
    if (members.length >= 2) return;
    const only = members[0];
    const name = only === undefined ? undefined : plan.person(only)?.name;
    const who = only === undefined ? 'nobody' : `only \`${only}\`${name ? ` (${name})` : ''}`;
    report({
      range: activity.keyRange,
      message: `Rollout support has ${who} on it. Demand for help peaks right after go-live, and a single person can neither absorb that peak nor be away; add participants so that at least two people support the rollout (our rule of thumb).`,
    });
  },
});
