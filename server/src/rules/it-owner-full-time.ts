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
      summary: 'On an in-house deployment, or in a large or enterprise company, the IT owner is allocated 100% to the project.',
      rationale:
        'How much of the IT owner\'s time the project takes depends on how much of the building an outside party does and ' +
        'on the size of the deployment. The article on the IT owner (000) puts the role at full time when the company ' +
        'builds the system itself or when the deployment is large: there are too many IT groups to coordinate and too ' +
        'much staging work to leave to a part-timer.',
      howToFix:
        'Raise the allocation on `roles.itOwner` to `100%` and move the person\'s other work elsewhere, or hand a part of ' +
        'the implementation to an integrator (`project.delivery: integrator`) if that is the real plan. The quick-fix sets ' +
        'the allocation to 100%; check the person\'s other allocations afterwards.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\n  delivery: in-house\npeople:\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: { person: jdoe, allocation: 50% }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\n  delivery: in-house\npeople:\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: { person: jdoe, allocation: 100% }\n',
    },
  },
  check({ plan, model, report }) {
    const inHouse = plan.project.delivery === 'in-house';
    const large = plan.project.companySize === 'large' || plan.project.companySize === 'enterprise';
    if (!inHouse && !large) return;
    // The allocation on the `itOwner` assignment itself; a bare id states none (ARCHITECTURE.md, "Decided edge cases").
    const allocation = plan.itOwner?.allocation;
    if (!allocation || allocation.percent >= 100) return;
    const why = [...(inHouse ? ['the deployment is in-house'] : []), ...(large ? [`the company size is \`${plan.project.companySize}\``] : [])].join(' and ');
    report({
      range: allocation.range,
      message: `The IT owner is allocated ${allocation.percent}%, but ${why}, which makes the IT owner's role a full-time job. Allocate the IT owner 100% and move their other work to someone else.`,
      fixes: [{
        title: `Set the IT owner's allocation to 100% (a full-time role because ${why})`,
        safety: 'unsafe',
        preferred: true,
        edits: [replaceScalar(model, allocation.range, '100%')],
      }],
    });
  },
});
