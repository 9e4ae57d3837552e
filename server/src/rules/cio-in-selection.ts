// Notes a significant project whose plan names a head of IT who takes part neither in the requirements nor in the
// tool selection; offers to add them when the plan names exactly one.

import type { Fix } from '../core/finding';
import { mention } from '../plan/labels';
import { addParticipantFix } from './fixes';
import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'cio-in-selection',
    category: 'it-owner',
    defaultSeverity: 'info',
    fixable: 'safe',
    sources: ['000'],
    docs: {
      summary: 'On a significant project, the head of IT named under `people` takes part in `requirements` or `toolSelection`.',
      rationale:
        'A CRM tool chosen on a large or complex project shapes the company\'s IT for years. The article on the IT owner (000) says that when a project is significant (and CRM projects often are), the head of IT should help define the requirements and choose the tool, while the week-to-week technical running stays with the IT owner. A project counts as significant here when the company is `large` or `enterprise`, the scope is `enterprise-wide`, or the complexity is `complex`; the head of IT is recognised by title (CIO, CTO, IT director, head of IT, VP of IT and their long forms, not a deputy or an assistant) among the company\'s own people; an outsider with such a title, such as the vendor\'s CTO, does not count. The rule only speaks when the plan names such a person.',
      howToFix:
        'Add the head of IT to the participants of `toolSelection` (or of `requirements`). They need not own either activity or attend every meeting. When the plan names exactly one head of IT, the quick-fix adds them to `toolSelection`, else to `requirements`.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\n  companySize: large\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  rcho: { name: Rita Cho, title: CIO, department: it }\n  jdoe: { name: John Doe, title: Business Applications Manager, department: it }\nroles:\n  itOwner: jdoe\nactivities:\n  toolSelection: { owner: msmith, participants: [jdoe] }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\n  companySize: large\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  rcho: { name: Rita Cho, title: CIO, department: it }\n  jdoe: { name: John Doe, title: Business Applications Manager, department: it }\nroles:\n  itOwner: jdoe\nactivities:\n  toolSelection: { owner: msmith, participants: [jdoe, rcho] }\n',
    },
  },
  check({ plan, report }) {
    if (!plan.isSignificant) return;
    // The company's own head of IT: an outsider with such a title (the vendor's CTO) is not the one 000 speaks of.
    const heads = plan.headsOfIt().filter((p) => p.affiliation === 'internal');
    if (heads.length === 0) return;
    const selection = plan.activities.get('toolSelection');
    const requirements = plan.activities.get('requirements');
    const target = selection ?? requirements;
    if (!target) return;
    // The members of both activities together; only titles count (ARCHITECTURE.md, "Decided edge cases").
    const members = [...(selection?.memberIds ?? []), ...(requirements?.memberIds ?? [])];
    if (members.some((id) => plan.isHeadOfIt(id) && plan.isInternal(id))) return;
    const fixes: Fix[] = [];
    if (heads.length === 1) {
      fixes.push(addParticipantFix(plan, target.name, heads[0]!.id, 'head of IT: takes part in the big choices'));
    }
    const { companySize, scope, complexity } = plan.project;
    const because = [
      ...(companySize === 'large' || companySize === 'enterprise' ? [`the company is ${companySize}`] : []),
      ...(scope === 'enterprise-wide' ? ['the scope is enterprise-wide'] : []),
      ...(complexity === 'complex' ? ['the project is complex'] : []),
    ].join(', ');
    const who = heads.length === 1
      ? `the head of IT, ${mention(plan, heads[0]!.id)}, takes`
      : `none of the heads of IT named in the plan (${heads.map((p) => mention(plan, p.id)).join(', ')}) takes`;
    const where = selection && requirements ? 'part in neither `requirements` nor `toolSelection`' : `no part in \`${target.name}\``;
    report({
      range: target.keyRange,
      message: `The project is significant (${because}), but ${who} ${where}. On a significant project the head of IT should take part in defining the requirements and choosing the tool, though not in the day-to-day work; add ${heads.length === 1 ? 'them' : 'one of them'} to the participants of \`${target.name}\`.`,
      fixes,
    });
  },
});
