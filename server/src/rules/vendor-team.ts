// Flags a vendor entry that does not name the vendor's project manager or its technical contact.

import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'vendor-team',
    category: 'data-and-rollout',
    defaultSeverity: 'info',
    fixable: 'none',
    sources: ['004'],
    docs: {
      summary: 'When `partners.vendor` is given, it names both the vendor\'s `projectManager` and its `technicalContact`.',
      rationale:
        'The supplier of the CRM tool should bring a strong team of its own, and the customer needs to know who on that team to call. The post on project ownership (004), written by a CRM supplier, calls a strong supplier team a must, led by a project manager who works directly with the client\'s people. The same supplier promises a dedicated technical contact on every project: one vendor\'s good practice rather than a rule, but worth asking any vendor for. Writing both names into the plan shows they have been asked for and assigned.',
      howToFix:
        'Ask the vendor who their project manager and technical contact are, define both under `people` (with `affiliation: vendor`), and set `projectManager` and `technicalContact` under `partners.vendor`. There is no quick-fix, because the names come from the vendor.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  vpm: { name: Val Park, affiliation: vendor, organization: Contoso CRM }\npartners:\n  vendor:\n    organization: Contoso CRM\n    projectManager: vpm\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  vpm: { name: Val Park, affiliation: vendor, organization: Contoso CRM }\n  vtc: { name: Vic Tran, affiliation: vendor, organization: Contoso CRM }\npartners:\n  vendor:\n    organization: Contoso CRM\n    projectManager: vpm\n    technicalContact: vtc\n',
    },
  },
  check({ plan, report }) {
    // A vendor whose value is not a mapping is not defined (ARCHITECTURE.md); the Plan leaves it out.
    const vendor = plan.vendor;
    if (!vendor) return;
    const organization = vendor.organization ? ` (${vendor.organization})` : '';
    if (!vendor.projectManager) {
      report({
        range: vendor.keyRange,
        message: `The vendor${organization} has no \`projectManager\`. The supplier's team should be led by a project manager who works directly with your people; ask who it is and add them under \`partners.vendor\`.`,
      });
    }
    if (!vendor.technicalContact) {
      report({
        range: vendor.keyRange,
        message: `The vendor${organization} has no \`technicalContact\`. Ask the supplier for a dedicated technical contact for your technical staff to work with, and add them under \`partners.vendor\`.`,
      });
    }
  },
});
