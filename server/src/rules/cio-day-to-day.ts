// Notes a head of IT as IT owner outside a small company: the day-to-day role usually goes to someone below the top IT job.

import { defineRule } from './rule';
import { mention } from '../plan/labels';

export default defineRule({
  meta: {
    id: 'cio-day-to-day',
    category: 'it-owner',
    defaultSeverity: 'info',
    fixable: 'none',
    sources: ['000'],
    docs: {
      summary: 'Outside a small company, the IT owner is not the head of IT (a CIO, CTO, IT director or similar).',
      rationale:
        'The IT owner runs the project\'s technical work from week to week: coordinating IT groups, checking the ' +
        'integrator\'s deliverables, preparing support. The article on the IT owner (000) grants that the role\'s breadth ' +
        'argues for the head of IT, yet finds it seldom sensible for that person to manage a CRM project day to day; the ' +
        'exception is a smaller company with nobody else in IT at that strategic level. It names a business applications ' +
        'manager, or a similar title, as the usual IT owner. A title counts as the head of IT when it names the top IT ' +
        'job: CIO, CTO, IT director, head of IT, VP of IT and their long forms; a deputy, an assistant or a narrower ' +
        'title such as "Director of IT Operations" does not.',
      howToFix:
        'Name an IT manager below the head of IT, for example the business applications manager, as `roles.itOwner`, ' +
        'and keep the head of IT involved through `requirements` and `toolSelection`. If the company really is small and ' +
        'nobody else in IT works at that level, set `project.companySize: small`.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\n  companySize: large\npeople:\n  rcho: { name: Rita Cho, title: CIO, department: it }\nroles:\n  itOwner: rcho\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\n  companySize: large\npeople:\n  rcho: { name: Rita Cho, title: CIO, department: it }\n  jdoe: { name: John Doe, title: Business Applications Manager, department: it }\n  msmith: { name: Maria Smith, department: sales }\nroles:\n  itOwner: jdoe\nactivities:\n  toolSelection: { owner: msmith, participants: [jdoe, rcho] }\n',
    },
  },
  check({ plan, report }) {
    if (plan.project.companySize === 'small') return;
    const ref = plan.itOwner?.ref;
    if (!ref || !plan.isHeadOfIt(ref.id)) return;
    const title = plan.person(ref.id)!.title!;
    report({
      range: ref.range,
      message: `The IT owner ${mention(plan, ref.id)} is the head of IT ("${title}"). Outside a small company it seldom makes sense for the top IT person to run a CRM project day to day; consider someone like a business applications manager as IT owner, and involve the head of IT in the requirements and the tool selection.`,
    });
  },
});
