// Flags each technical function the project needs that nobody fills under `roles.technicalStaff`;
// offers IT-side people for it, or a new person.

import type { Edit, Fix } from '../core/finding';
import { appendToSequence } from '../model/edits';
import type { YamlModel } from '../model/yamlModel';
import { TECH_FUNCTION_LABELS } from '../plan/labels';
import type { Project } from '../plan/plan';
import type { TechFunction } from '../format/vocabulary';
import { addPersonEdit, freshPersonId, personLabel, rankCandidates } from './fixes';
import { defineRule } from './rule';

/** Why each function is required, for the message; and the id and name proposed for a new person. */
const FUNCTIONS: readonly { fn: TechFunction; why: string; newId: string; newName: string }[] = [
  { fn: 'systemAdministration', why: 'every project needs someone to run the machines the tool lives on', newId: 'sysadmin', newName: 'System administrator (to be named)' },
  { fn: 'databaseAdministration', why: 'the tool\'s database must be set up, tuned and backed up', newId: 'dba', newName: 'Database administrator (to be named)' },
  { fn: 'networkManagement', why: 'the network must carry the new load, even if this takes only a few days of work', newId: 'network-manager', newName: 'Network manager (to be named)' },
  { fn: 'applicationProgramming', why: 'someone must program the CRM tool and whatever it connects to', newId: 'app-programmer', newName: 'Application programmer (to be named)' },
  { fn: 'uiDesign', why: 'the customer-facing part of the rollout needs user-interface specialists', newId: 'ui-designer', newName: 'UI designer (to be named)' },
  { fn: 'webDesign', why: 'the customer-facing part of the rollout needs web design', newId: 'web-designer', newName: 'Web designer (to be named)' },
];

/** Whether the project needs someone for this technical function (also read by the team overview). */
export function isTechnicalFunctionRequired(fn: TechFunction, project: Pick<Project, 'complexity' | 'customerFacing'>): boolean {
  if (fn === 'systemAdministration') return true;
  if (fn === 'uiDesign' || fn === 'webDesign') return project.customerFacing;
  return project.complexity !== 'minimal';
}

export default defineRule({
  meta: {
    id: 'technical-staff-coverage',
    category: 'technical',
    defaultSeverity: 'warning',
    fixable: 'unsafe',
    sources: ['002'],
    docs: {
      summary: 'Every technical function the project needs has at least one person under `roles.technicalStaff`.',
      rationale:
        'Apart from the very simplest projects, a CRM rollout draws on several IT specialities, and leaving out a function can cause real trouble later, even when the work itself takes only days. The article on the technical staffers (002) lists system and database administrators, network managers and application programmers, plus user-interface and web specialists when customers will see part of the system. This rule always asks for system administration, adds the next three unless `complexity` is `minimal`, and adds the design functions when `customerFacing` is true.',
      howToFix:
        'Under `roles.technicalStaff`, list at least one person for each function named in the finding (anyone defined under `people` counts, internal or not). The quick-fixes offer each internal IT person, the least loaded first, and one that adds a new person for you to name.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\n  complexity: minimal\npeople:\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: jdoe\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\n  complexity: minimal\npeople:\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: jdoe\n  technicalStaff:\n    systemAdministration: [jdoe]\n',
    },
  },
  check({ plan, model, report }) {
    const required = FUNCTIONS.filter(({ fn }) => isTechnicalFunctionRequired(fn, plan.project));
    const range = plan.anchor(['roles', 'technicalStaff'], ['roles']);
    // Ranked only once a function turns out to be missing: most plans staff every function.
    let ranked: ReturnType<typeof rankCandidates> | undefined;
    for (const { fn, why, newId, newName } of required) {
      // Any defined person, internal or not, fills a function (ARCHITECTURE.md); undefined ids count as nobody.
      const filled = (plan.roles.technicalStaff.get(fn) ?? []).some((a) => a.ref !== undefined && plan.isDefined(a.ref.id));
      if (filled || plan.misspeltPath(['roles', 'technicalStaff', fn])) continue;
      const label = TECH_FUNCTION_LABELS[fn] ?? fn;
      const candidates = (ranked ??= rankCandidates(plan, plan.knownIds().filter((id) => plan.isITSide(id))));
      const fixes: Fix[] = [];
      const newPersonId = freshPersonId(plan, newId);
      candidates.forEach((c, index) => {
        fixes.push({
          title: `Assign ${personLabel(plan, c.id)} to ${label}: ${c.reasons.join('; ')}`,
          safety: 'unsafe',
          ...(index === 0 ? { preferred: true } : {}),
          edits: [staffEdit(model, fn, c.id)],
        });
      });
      fixes.push({
        title: `Add a new person \`${newPersonId}\` for ${label} (fill in the name)`,
        safety: 'unsafe',
        ...(fixes.length === 0 ? { preferred: true } : {}),
        edits: [addPersonEdit(plan, newPersonId, newName, 'it'), staffEdit(model, fn, newPersonId)],
      });
      report({
        range,
        message: `Nobody is assigned to ${label} (\`${fn}\`): ${why}. List at least one person for it under \`roles.technicalStaff\`.`,
        fixes,
      });
    }
  },
});

/** Adds `id` to the function's list: appended to an existing (or empty) list, else as a new `fn: [id]` key. */
function staffEdit(model: YamlModel, fn: TechFunction, id: string): Edit {
  return appendToSequence(model, ['roles', 'technicalStaff', fn], id, 'roles.technicalStaff');
}
