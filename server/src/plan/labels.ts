// Human names for keys and reference places, used in messages, fix titles and hovers.

import type { Plan, RefContext } from './plan';

export const ROLE_LABELS: Readonly<Record<string, string>> = {
  executiveSponsor: 'executive sponsor',
  businessOwners: 'business owner',
  itOwner: 'IT owner',
  projectManager: 'project manager',
  champion: 'champion',
  superUsers: 'super-user',
  technicalStaff: 'technical staff',
  supportTeam: 'support team',
  trainers: 'trainer',
};

export const TECH_FUNCTION_LABELS: Readonly<Record<string, string>> = {
  systemAdministration: 'system administration',
  databaseAdministration: 'database administration',
  networkManagement: 'network management',
  applicationProgramming: 'application programming',
  uiDesign: 'user-interface design',
  webDesign: 'web design',
};

export const ACTIVITY_LABELS: Readonly<Record<string, string>> = {
  requirements: 'requirements',
  toolSelection: 'tool selection',
  integratorSelection: 'integrator selection',
  referenceChecks: 'reference checks',
  installation: 'installation',
  customization: 'customization',
  integration: 'integration',
  environments: 'environments',
  testing: 'testing',
  dataMigration: 'data migration',
  training: 'training',
  dataQuality: 'data quality',
  rolloutSupport: 'rollout support',
  ongoingSupport: 'ongoing support',
  vision: 'vision',
};

/** "IT owner", "technical staff (database administration)", "owner of tool selection", "integrator lead"… */
export function describeRefContext(context: RefContext): string {
  if (context.section === 'roles') {
    if (context.key === 'technicalStaff' && context.field) return `technical staff (${TECH_FUNCTION_LABELS[context.field] ?? context.field})`;
    return ROLE_LABELS[context.key] ?? context.key;
  }
  if (context.section === 'activities') {
    const activity = ACTIVITY_LABELS[context.key] ?? context.key;
    if (context.field === 'owner') return `owner of ${activity}`;
    if (context.field === 'loadTesting') return 'load-testing criteria';
    return `participant in ${activity}`;
  }
  if (context.key === 'integrator') return 'integrator lead';
  return context.field === 'projectManager' ? 'vendor project manager' : 'vendor technical contact';
}

/** A person as messages name them: "Maria Smith (`msmith`)", or just "`msmith`" when the id has no name. */
export function mention(plan: Plan, id: string): string {
  const name = plan.person(id)?.name;
  return name ? `${name} (\`${id}\`)` : `\`${id}\``;
}

/** Why a person counts as IT side, for messages: "is the IT owner", "is in the IT department", … */
export function itSideReason(plan: Plan, id: string): string {
  if (plan.itOwnerId === id) return 'is the IT owner';
  if (plan.person(id)?.department === 'it') return 'is in the IT department';
  for (const [fn, list] of plan.roles.technicalStaff) {
    if (list.some((a) => a.ref?.id === id)) return `is on the technical staff (${TECH_FUNCTION_LABELS[fn] ?? fn})`;
  }
  return 'is on the IT side';
}
