// Notes a CIO as IT owner outside a small company: the role is day-to-day work, usually for a business applications manager.

import { defineRule } from './rule';
import { mention } from '../plan/labels';

/** `CIO` or `chief information officer`, in any case, as whole words (ASCII word boundaries). */
const CIO_TITLE = /\bCIO\b|\bchief information officer\b/i;

export default defineRule({
  meta: {
    id: 'cio-day-to-day',
    category: 'it-owner',
    defaultSeverity: 'info',
    fixable: 'none',
    sources: ['000'],
    docs: {
      summary: 'Outside a small company, the IT owner is not the CIO.',
      rationale:
        'The IT owner runs the project\'s technical work from week to week: coordinating IT groups, checking the ' +
        'integrator\'s deliverables, preparing support. The article on the IT owner (000) wants the head of IT involved in ' +
        'requirements and in choosing the tool, but sees day-to-day ownership as a job for someone like a business ' +
        'applications manager, unless the company is small enough that nobody else in IT works at that strategic level.',
      howToFix:
        'Name an IT manager below the CIO, for example the business applications manager, as `roles.itOwner`, and keep ' +
        'the CIO involved through `requirements` and `toolSelection`. If the company really is small, set ' +
        '`project.companySize: small`.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\n  companySize: large\npeople:\n  rcho: { name: Rita Cho, title: CIO, department: it }\nroles:\n  itOwner: rcho\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\n  companySize: large\npeople:\n  rcho: { name: Rita Cho, title: CIO, department: it }\n  jdoe: { name: John Doe, title: Business Applications Manager, department: it }\n  msmith: { name: Maria Smith, department: sales }\nroles:\n  itOwner: jdoe\nactivities:\n  toolSelection: { owner: msmith, participants: [jdoe, rcho] }\n',
    },
  },
  check({ plan, report }) {
    if (plan.project.companySize === 'small') return;
    const ref = plan.itOwner?.ref;
    const title = plan.person(ref?.id)?.title;
    if (!ref || title === undefined || !CIO_TITLE.test(title)) return;
    report({
      range: ref.range,
      message: `The IT owner ${mention(plan, ref.id)} has the title "${title}". Outside a small company the head of IT rarely has time to run a CRM project day to day; consider a business applications manager as IT owner and keep the CIO involved in requirements and tool selection.`,
    });
  },
});
