// Flags a part-time IT owner on an in-house or large deployment, where the role is a full-time job.

import { replaceScalar } from '../model/edits';
import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'it-owner-full-time',
    category: 'it-owner',
    defaultSeverity: 'warning',
    fixable: 'unsafe',
    sources: ['000'],
    docs: {
      summary: 'On an in-house build that is more than minimal, or a large deployment, the IT owner is allocated 100% to the project.',
      rationale:
        'How much of the IT owner\'s time the project takes depends above all on the share of the implementation ' +
        'that an outside party carries. The article on the IT owner (000) makes the role full-time when the company builds the ' +
        'system itself and when the deployment is large; lighter projects still need an IT owner, just not all of their ' +
        'time. The size of the deployment is not the size of the company: a 30-seat pilot in a bank is a small ' +
        'deployment, so this rule reads `project.deploymentSize` and never `companySize`. It also leaves alone an in-house ' +
        'project of `complexity: minimal`, where there is little implementation work to own.',
      howToFix:
        'Raise the allocation on `roles.itOwner` to `100%` and move the person\'s other work elsewhere, or, if that is ' +
        'the real plan, hand most of the implementation to an integrator (`project.delivery: integrator`). If the ' +
        'deployment is not large, say so with `project.deploymentSize`. The quick-fix sets the allocation to 100%; check ' +
        'the person\'s other allocations afterwards.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\n  delivery: in-house\npeople:\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: { person: jdoe, allocation: 50% }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\n  delivery: in-house\npeople:\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: { person: jdoe, allocation: 100% }\n',
    },
  },
  check({ plan, model, report }) {
    const { delivery, complexity, deploymentSize } = plan.project;
    const inHouse = delivery === 'in-house' && complexity !== 'minimal';
    // An absent deploymentSize is unknown and never makes the rule fire (ARCHITECTURE.md).
    const large = deploymentSize === 'large';
    if (!inHouse && !large) return;
    // The allocation on the `itOwner` assignment itself; a bare id states none (ARCHITECTURE.md, "Decided edge cases").
    const allocation = plan.itOwner?.allocation;
    if (!allocation || allocation.percent >= 100) return;
    const why = [...(inHouse ? ['the implementation is in-house'] : []), ...(large ? ['the deployment is large'] : [])].join(' and ');
    report({
      range: allocation.range,
      message: `The IT owner is allocated ${allocation.percent}%, but ${why}, which makes the IT owner's role a full-time one. Allocate the IT owner 100% and move their other work to someone else.`,
      fixes: [{
        title: `Set the IT owner's allocation to 100% (a full-time role because ${why})`,
        safety: 'unsafe',
        preferred: true,
        edits: [replaceScalar(model, allocation.range, '100%')],
      }],
    });
  },
});
