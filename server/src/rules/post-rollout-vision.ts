// Flags a project at or past rollout with no `vision` activity: someone must keep monitoring and planning the CRM's future.

import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'post-rollout-vision',
    category: 'data-and-rollout',
    defaultSeverity: 'info',
    fixable: 'none',
    sources: ['004'],
    docs: {
      summary: 'Once `project.phase` is `rollout` or `operation`, the plan has a `vision` activity.',
      rationale:
        'Going live is not the end of a CRM project: usage has to be watched, and the next steps for the system have to be decided. The post on project ownership (004) says that after the first delivery someone must still keep an eye on the system and plan ahead, and wonders whether the champion might stay on in that role. A plan that has reached rollout without such an activity leaves the tool to drift.',
      howToFix:
        'Add `vision` under `activities` with an owner who will follow up on adoption and plan what comes next, often the champion or a business owner. There is no quick-fix, because who carries the vision is a business decision.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\n  phase: rollout\npeople:\n  msmith: { name: Maria Smith, department: sales }\nactivities:\n  training: { owner: msmith }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\n  phase: rollout\npeople:\n  msmith: { name: Maria Smith, department: sales }\nactivities:\n  training: { owner: msmith }\n  vision: { owner: msmith }\n',
    },
  },
  check({ plan, report }) {
    const phase = plan.project.phase;
    if (phase !== 'rollout' && phase !== 'operation') return;
    // A `vision` whose value is not a mapping is not defined.
    if (plan.activities.has('vision')) return;
    // A misspelt `vision` (or `activities`) is the schema rule's one finding.
    if (plan.misspeltPath(['activities', 'vision'])) return;
    const written = plan.model.pairAt(['activities', 'vision']) !== undefined;
    const problem = written ? 'its `vision` entry is not a mapping, so there is no vision activity' : 'has no `vision` activity';
    report({
      range: plan.anchor(['activities'], ['project', 'phase']),
      message: `The project is in its ${phase} phase but ${problem}. After delivery someone must keep watching how the tool is used and plan what comes next; ${written ? 'write it as' : 'add'} \`vision: { owner: … }\` under \`activities\`, with the champion for example as owner.`,
    });
  },
});
