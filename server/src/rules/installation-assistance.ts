// Notes an `installation` done without any outside member while the plan has an integrator or a vendor to help.

import { defineRule } from './rule';
import { mention } from '../plan/labels';

export default defineRule({
  meta: {
    id: 'installation-assistance',
    category: 'technical',
    defaultSeverity: 'info',
    fixable: 'none',
    sources: ['002'],
    docs: {
      summary: 'When the plan has an integrator or a vendor, someone from an outside party takes part in `installation`.',
      rationale:
        'Installing a CRM tool, especially a high-end one, is often a delicate job with many steps that the vendor or the integrator has done many times before. The article on the technical staffers (002) recommends doing it with their help rather than by the internal team alone.',
      howToFix:
        'Add a person from the integrator or the vendor (for example the integrator lead or the vendor\'s technical contact) to the participants of `installation`. There is no quick-fix: the plan may not yet name the right person.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  tnguyen: { name: Thanh Nguyen, department: it }\n  vtc: { name: Val Torres, affiliation: vendor, organization: Contoso }\npartners:\n  vendor: { organization: Contoso, technicalContact: vtc }\nactivities:\n  installation: { owner: tnguyen }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  tnguyen: { name: Thanh Nguyen, department: it }\n  vtc: { name: Val Torres, affiliation: vendor, organization: Contoso }\npartners:\n  vendor: { organization: Contoso, technicalContact: vtc }\nactivities:\n  installation: { owner: tnguyen, participants: [vtc] }\n',
    },
  },
  check({ plan, report }) {
    const activity = plan.activities.get('installation');
    if (!activity) return;
    if (!plan.integrator && !plan.vendor) return;
    if ([...activity.memberIds].some((id) => plan.isExternal(id))) return;
    const partners = [plan.integrator ? 'an integrator' : undefined, plan.vendor ? 'a vendor' : undefined].filter((p) => p !== undefined).join(' and ');
    const helpers: { id: string; role: string }[] = [];
    if (plan.integrator?.lead && plan.isExternal(plan.integrator.lead.id)) helpers.push({ id: plan.integrator.lead.id, role: 'the integrator lead' });
    if (plan.vendor?.technicalContact && plan.isExternal(plan.vendor.technicalContact.id)) helpers.push({ id: plan.vendor.technicalContact.id, role: 'the vendor\'s technical contact' });
    const suggestion = helpers.length > 0
      ? `add one of their people, such as ${helpers.map((h) => `${mention(plan, h.id)}, ${h.role}`).join(', or ')}, to its participants`
      : 'add one of their people to its participants';
    report({
      range: activity.keyRange,
      message: `Nobody from an outside party takes part in \`installation\`, although the plan has ${partners}. Installing the tool usually goes better with the help of people who have done it before; ${suggestion}.`,
    });
  },
});
