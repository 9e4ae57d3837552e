// Flags a data migration with no IT-side member, since extracting and loading the data takes IT's technical skills.

import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'data-migration-needs-it',
    category: 'data-and-rollout',
    defaultSeverity: 'info',
    fixable: 'none',
    sources: ['003'],
    docs: {
      summary: 'Someone from internal IT takes part in `dataMigration`.',
      rationale:
        'Moving data out of old systems and into the CRM is technical work: extracting, transforming and loading records, and knowing where they live today. The article on CRM and the IT department (003) describes data cleansing and import as a joint effort, with the business judging the data and IT bringing the technical skills, so the migration needs both.',
      howToFix:
        'Add an internal IT-side person to `activities.dataMigration`: the IT owner, someone under `roles.technicalStaff` (a database administrator fits well), or someone from the IT department. There is no quick-fix, because the right technician depends on the systems involved.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  obrien: { name: Pat O\'Brien, department: it }\nactivities:\n  dataMigration: { owner: msmith }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  obrien: { name: Pat O\'Brien, department: it }\nactivities:\n  dataMigration: { owner: msmith, participants: [obrien] }\n',
    },
  },
  check({ plan, report }) {
    const activity = plan.activities.get('dataMigration');
    if (!activity) return;
    if ([...activity.memberIds].some((id) => plan.isITSide(id))) return;
    report({
      range: activity.keyRange,
      message: 'Nobody from internal IT takes part in data migration. The business judges the data, but extracting and loading it needs IT\'s skills; add the IT owner, a database administrator or another IT-side person.',
    });
  },
});
