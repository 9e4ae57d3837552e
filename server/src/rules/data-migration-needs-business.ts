// Flags a data migration with no business-side member, since only the data's users can tell good records from junk.

import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'data-migration-needs-business',
    category: 'data-and-rollout',
    defaultSeverity: 'warning',
    fixable: 'none',
    sources: ['003'],
    docs: {
      summary: 'Someone from the business takes part in `dataMigration`.',
      rationale:
        'IT can move records from the old systems into the CRM flawlessly and still fill it with contacts that are stale, private or simply wrong, because judging a record may take someone familiar with the business behind it. The article on CRM and the IT department (003) therefore wants the department that uses the data working closely with IT while data is cleansed and imported.',
      howToFix:
        'Add a business-side person to `activities.dataMigration` (as owner or participant): a business owner, a super-user, or someone from sales, marketing, customer service, operations or finance whose data is being moved. There is no quick-fix, because whose data it is depends on the migration.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  obrien: { name: Pat O\'Brien, department: it }\nactivities:\n  dataMigration: { owner: obrien }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  obrien: { name: Pat O\'Brien, department: it }\nactivities:\n  dataMigration: { owner: obrien, participants: [msmith] }\n',
    },
  },
  check({ plan, report }) {
    const activity = plan.activities.get('dataMigration');
    if (!activity) return;
    if ([...activity.memberIds].some((id) => plan.isBusinessSide(id))) return;
    report({
      range: activity.keyRange,
      message: 'Nobody from the business takes part in data migration. IT can move the records, but telling good records from junk may take the people who use the data; add a business owner, a super-user or someone from the department whose data is migrated.',
    });
  },
});
