// The words of format version 1 (docs/format.md): enum values, role keys, activity keys and their defaults.

export const COMPANY_SIZES = ['small', 'medium', 'large', 'enterprise'] as const;
export const DEPLOYMENT_SIZES = ['small', 'medium', 'large'] as const;
export const DELIVERIES = ['in-house', 'integrator'] as const;
export const SCOPES = ['departmental', 'enterprise-wide'] as const;
export const COMPLEXITIES = ['minimal', 'standard', 'complex'] as const;
export const PHASES = ['selection', 'implementation', 'rollout', 'operation'] as const;
export const DEPARTMENTS = ['sales', 'marketing', 'customer-service', 'operations', 'finance', 'executive', 'it', 'other'] as const;
export const BUSINESS_DEPARTMENTS = ['sales', 'marketing', 'customer-service', 'operations', 'finance'] as const;
export const AFFILIATIONS = ['internal', 'integrator', 'vendor', 'consultant'] as const;

export type CompanySize = (typeof COMPANY_SIZES)[number];
export type DeploymentSize = (typeof DEPLOYMENT_SIZES)[number];
export type Delivery = (typeof DELIVERIES)[number];
export type Scope = (typeof SCOPES)[number];
export type Complexity = (typeof COMPLEXITIES)[number];
export type Phase = (typeof PHASES)[number];
export type Department = (typeof DEPARTMENTS)[number];
export type Affiliation = (typeof AFFILIATIONS)[number];

/** Roles held by one assignment. */
export const SINGLE_ROLES = ['executiveSponsor', 'itOwner', 'projectManager', 'champion'] as const;
/** Roles held by a list of assignments. */
export const LIST_ROLES = ['businessOwners', 'superUsers', 'supportTeam', 'trainers'] as const;
export const ROLE_KEYS = ['executiveSponsor', 'businessOwners', 'itOwner', 'projectManager', 'champion', 'superUsers', 'technicalStaff', 'supportTeam', 'trainers'] as const;
export const TECH_FUNCTIONS = ['systemAdministration', 'databaseAdministration', 'networkManagement', 'applicationProgramming', 'uiDesign', 'webDesign'] as const;

export type SingleRole = (typeof SINGLE_ROLES)[number];
export type ListRole = (typeof LIST_ROLES)[number];
export type TechFunction = (typeof TECH_FUNCTIONS)[number];

export const ACTIVITIES = [
  'requirements', 'toolSelection', 'integratorSelection', 'referenceChecks', 'installation', 'customization',
  'integration', 'environments', 'testing', 'dataMigration', 'training', 'dataQuality', 'rolloutSupport',
  'ongoingSupport', 'vision',
] as const;
export type ActivityName = (typeof ACTIVITIES)[number];

export const PERSON_ID_PATTERN = /^[a-z][a-z0-9._-]*$/;
export const PERSON_ID_MAX_LENGTH = 64;
export const ALLOCATION_PATTERN = /^(100|[1-9]?[0-9])%$/;

export const PROJECT_DEFAULTS = {
  companySize: 'medium',
  delivery: 'integrator',
  scope: 'departmental',
  complexity: 'standard',
  customerFacing: false,
  phase: 'selection',
} as const;

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

export function isValidPersonId(id: string): boolean {
  return id.length <= PERSON_ID_MAX_LENGTH && PERSON_ID_PATTERN.test(id);
}

/** The canonical order of keys in each kind of mapping: new keys go after the siblings that come before them. */
export const KEY_ORDER: Readonly<Record<string, readonly string[]>> = {
  '': ['crmteam', 'project', 'people', 'roles', 'partners', 'activities'],
  roles: ROLE_KEYS,
  'roles.technicalStaff': TECH_FUNCTIONS,
  activities: ACTIVITIES,
  activity: ['owner', 'participants', 'loadTesting'],
  person: ['name', 'title', 'department', 'affiliation', 'organization', 'email'],
};
