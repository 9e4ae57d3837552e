// Short texts for the fields and enum values of a `.crmteam.yaml` file that change what the rules expect:
// the `project` facts, a person's `department` and `affiliation`, the words docs/format.md defines (business side,
// IT side, external, members), and the few other fields with a rule behind them. Our own words; each entry names
// the articles it rests on (see `sources.ts`).

import type { SourceId } from './sources';

export interface ValueGuidance {
  /** The value as written in the file (`large`, `true`, `customer-service`). */
  readonly value: string;
  /** What the value means. */
  readonly meaning: string;
  /** How the value changes what the rules expect. */
  readonly effect: string;
  readonly rules: readonly string[];
  readonly sources: readonly SourceId[];
}

export interface FieldGuidance {
  /** The key in the file; for nested fields, the dotted path below its section (`integrator.providesFullSupport`). */
  readonly key: string;
  readonly title: string;
  readonly meaning: string;
  /** The default, as written in the file, when the field has one. */
  readonly defaultValue?: string;
  /** How the field changes what the rules expect, whatever its value. */
  readonly effect: string;
  /** Guidance per value, for enums and booleans; empty for free values. */
  readonly values: ReadonlyMap<string, ValueGuidance>;
  readonly rules: readonly string[];
  readonly sources: readonly SourceId[];
}

export interface TermGuidance {
  readonly term: string;
  readonly meaning: string;
  readonly rules: readonly string[];
  readonly sources: readonly SourceId[];
}

function values(list: readonly ValueGuidance[]): ReadonlyMap<string, ValueGuidance> {
  return new Map(list.map((v) => [v.value, v]));
}

function fields(list: readonly FieldGuidance[]): ReadonlyMap<string, FieldGuidance> {
  return new Map(list.map((f) => [f.key, f]));
}

const NONE: ReadonlyMap<string, ValueGuidance> = new Map();

export const PROJECT_FIELD_GUIDANCE: ReadonlyMap<string, FieldGuidance> = fields([
  {
    key: 'name',
    title: 'Project name',
    meaning: 'The name of the CRM project, as the team knows it.',
    effect: 'No rule reads it; it labels the plan in reports.',
    values: NONE,
    rules: [],
    sources: [],
  },
  {
    key: 'companySize',
    title: 'Company size',
    meaning: 'How big the company running the project is; not how far the rollout reaches (see `deploymentSize`).',
    defaultValue: 'medium',
    effect:
      'Decides whether the head of IT may be the day-to-day IT owner, and, for `large` and `enterprise`, makes the ' +
      'project significant, so the head of IT should take part in requirements and tool selection.',
    values: values([
      {
        value: 'small',
        meaning: 'A small company, often with no senior IT person besides the head of IT.',
        effect: 'The head of IT may act as the day-to-day IT owner.',
        rules: ['cio-day-to-day'],
        sources: ['000'],
      },
      {
        value: 'medium',
        meaning: 'A mid-sized company; the default.',
        effect:
          'The head of IT as day-to-day IT owner is questioned, since an applications manager usually fits better.',
        rules: ['cio-day-to-day'],
        sources: ['000'],
      },
      {
        value: 'large',
        meaning: 'A large company.',
        effect:
          'The project counts as significant: the head of IT should help define the requirements and choose the tool. ' +
          'The head of IT as day-to-day IT owner is questioned.',
        rules: ['cio-in-selection', 'cio-day-to-day'],
        sources: ['000'],
      },
      {
        value: 'enterprise',
        meaning: 'A very large company, usually with many IT groups to coordinate.',
        effect:
          'As for `large`: a significant project, where the head of IT takes part in requirements and tool selection ' +
          'but is questioned as the day-to-day IT owner.',
        rules: ['cio-in-selection', 'cio-day-to-day'],
        sources: ['000'],
      },
    ]),
    rules: ['cio-day-to-day', 'cio-in-selection'],
    sources: ['000'],
  },
  {
    key: 'deploymentSize',
    title: 'Deployment size',
    meaning:
      'How far the rollout reaches, whatever the size of the company: a 30-seat pilot in a large bank is a small ' +
      'deployment. Optional; when it is left out, the size is unknown and no rule fires because of it.',
    effect: 'A `large` deployment makes the IT owner’s role a full-time one.',
    values: values([
      {
        value: 'small',
        meaning: 'One team or one site (this project’s rule of thumb).',
        effect: 'No rule asks for more because of it.',
        rules: [],
        sources: [],
      },
      {
        value: 'medium',
        meaning: 'Several teams or sites, up to a few hundred users (this project’s rule of thumb).',
        effect: 'No rule asks for more because of it.',
        rules: [],
        sources: [],
      },
      {
        value: 'large',
        meaning: 'Hundreds of users, several sites or several countries (this project’s rule of thumb).',
        effect: 'The IT owner should be full-time: a stated allocation below 100% is flagged.',
        rules: ['it-owner-full-time'],
        sources: ['000'],
      },
    ]),
    rules: ['it-owner-full-time'],
    sources: ['000'],
  },
  {
    key: 'delivery',
    title: 'Delivery',
    meaning: 'Who does most of the implementation work.',
    defaultValue: 'integrator',
    effect: 'Decides, with complexity and deployment size, whether the IT owner has to work on the project full-time.',
    values: values([
      {
        value: 'in-house',
        meaning: 'The company’s own staff build most of the system.',
        effect:
          'Unless `complexity` is `minimal`, the IT owner should be full-time: a stated allocation below 100% is flagged. ' +
          'Expect a larger internal technical team.',
        rules: ['it-owner-full-time'],
        sources: ['000', '002'],
      },
      {
        value: 'integrator',
        meaning: 'An outside firm builds most of the system; the default.',
        effect:
          'The IT owner’s workload shrinks as the integrator’s share of the work grows. In-house programmers must still take part ' +
          'in customisation, internal IT must still understand the environments, and support after rollout usually ' +
          'stays with you.',
        rules: ['in-house-programmers', 'environments-need-it', 'full-support-is-rare'],
        sources: ['000', '002'],
      },
    ]),
    rules: ['it-owner-full-time'],
    sources: ['000', '002'],
  },
  {
    key: 'scope',
    title: 'Scope',
    meaning: 'Whether the CRM system serves one function or the whole company.',
    defaultValue: 'departmental',
    effect:
      'An `enterprise-wide` scope makes the project significant, so the head of IT should take part in requirements ' +
      'and tool selection. The wider the scope, the more coordination IT provides, and the more important it is that ' +
      'the business still leads.',
    values: values([
      {
        value: 'departmental',
        meaning: 'One department, or a few, use the system; the default.',
        effect: 'The same rules apply. A piecemeal, department-by-department approach can succeed when the right people take part.',
        rules: [],
        sources: ['001'],
      },
      {
        value: 'enterprise-wide',
        meaning: 'Several functions share one system.',
        effect:
          'IT usually takes on more of the coordination between functions, but should still not lead: the functional ' +
          'owners may disengage. The project counts as significant, so the head of IT should take part in requirements ' +
          'and tool selection.',
        rules: ['cio-in-selection'],
        sources: ['001', '000'],
      },
    ]),
    rules: ['cio-in-selection'],
    sources: ['000', '001'],
  },
  {
    key: 'complexity',
    title: 'Complexity',
    meaning: 'How much technical work the project involves.',
    defaultValue: 'standard',
    effect: 'Decides which technical functions must have somebody under `roles.technicalStaff`.',
    values: values([
      {
        value: 'minimal',
        meaning:
          'A simple project with a very easy tool, where IT may need to provide little more than a machine while the ' +
          'business handles customisation and upkeep. Few projects are really this simple.',
        effect:
          'Only system administration is required; no load-testing criteria are asked for, and an in-house build ' +
          'does not make the IT owner full-time.',
        rules: ['technical-staff-coverage', 'load-testing-owner', 'it-owner-full-time'],
        sources: ['002'],
      },
      {
        value: 'standard',
        meaning: 'A typical project; the default.',
        effect: 'System administration, database administration, network management and application programming are required.',
        rules: ['technical-staff-coverage'],
        sources: ['002'],
      },
      {
        value: 'complex',
        meaning: 'A project with heavy customisation or many integrations.',
        effect:
          'The same functions as `standard` are required, but expect far more technical staff. Stating allocations ' +
          'shows whether the team really has the capacity. The project counts as significant, so the head of IT ' +
          'should take part in requirements and tool selection.',
        rules: ['technical-staff-coverage', 'over-allocated', 'cio-in-selection'],
        sources: ['002'],
      },
    ]),
    rules: ['technical-staff-coverage'],
    sources: ['002'],
  },
  {
    key: 'customerFacing',
    title: 'Customer-facing',
    meaning: 'Whether the rollout includes a part that customers use directly, such as a portal or web forms.',
    defaultValue: 'false',
    effect: 'Decides whether UI design and web design must be staffed.',
    values: values([
      {
        value: 'true',
        meaning: 'Customers will use part of the system.',
        effect: '`uiDesign` and `webDesign` must each have somebody under `roles.technicalStaff`.',
        rules: ['technical-staff-coverage'],
        sources: ['002'],
      },
      {
        value: 'false',
        meaning: 'Only staff use the system; the default.',
        effect: 'UI design and web design are not required.',
        rules: ['technical-staff-coverage'],
        sources: ['002'],
      },
    ]),
    rules: ['technical-staff-coverage'],
    sources: ['002'],
  },
  {
    key: 'integrations',
    title: 'Integrations',
    meaning: 'The legacy or other systems the CRM must connect to (ERP, billing, …).',
    defaultValue: '[]',
    effect:
      'When the list is not empty, the plan needs an `integration` activity with someone from internal IT in it: ' +
      'the people who know those systems are often in IT.',
    values: NONE,
    rules: ['integration-needs-it'],
    sources: ['002'],
  },
  {
    key: 'phase',
    title: 'Phase',
    meaning: 'Where the project stands now.',
    defaultValue: 'selection',
    effect: 'From rollout on, the plan should say who watches the system and plans its future.',
    values: values([
      {
        value: 'selection',
        meaning: 'Choosing the tool and the integrator; the default.',
        effect: 'The time to settle requirements, the technical capacity available, and who leads the choice.',
        rules: [],
        sources: ['002', '003'],
      },
      {
        value: 'implementation',
        meaning: 'Building, customising, integrating and testing.',
        effect: 'The time to plan support after rollout: hiring and training take longer than the project expects.',
        rules: [],
        sources: ['000', '002'],
      },
      {
        value: 'rollout',
        meaning: 'Going live and supporting the first weeks of use.',
        effect: 'A `vision` activity is expected: someone must own monitoring and planning after delivery.',
        rules: ['post-rollout-vision'],
        sources: ['004'],
      },
      {
        value: 'operation',
        meaning: 'In everyday use.',
        effect: 'A `vision` activity is expected, as for `rollout`.',
        rules: ['post-rollout-vision'],
        sources: ['004'],
      },
    ]),
    rules: ['post-rollout-vision'],
    sources: ['004'],
  },
]);

const BUSINESS_DEPARTMENT_EFFECT =
  'A business department: internal people here are on the business side. They are the people the rules expect ' +
  'to lead (sponsor, champion, requirements, tool selection, training, data quality) and to vouch for migrated ' +
  'data, and the quick-fix for a missing business owner offers them.';
const BUSINESS_DEPARTMENT_RULES = [
  'business-owner-required',
  'it-must-not-lead',
  'selection-led-by-business',
  'data-migration-needs-business',
  'training-by-job-experts',
  'compliance-by-managers',
];

export const DEPARTMENT_GUIDANCE: ReadonlyMap<string, ValueGuidance> = values([
  {
    value: 'sales',
    meaning: 'Sales: the salespeople and their managers.',
    effect: BUSINESS_DEPARTMENT_EFFECT,
    rules: BUSINESS_DEPARTMENT_RULES,
    sources: ['003'],
  },
  {
    value: 'marketing',
    meaning: 'Marketing.',
    effect: BUSINESS_DEPARTMENT_EFFECT,
    rules: BUSINESS_DEPARTMENT_RULES,
    sources: ['003'],
  },
  {
    value: 'customer-service',
    meaning: 'Customer service and support to customers.',
    effect: BUSINESS_DEPARTMENT_EFFECT,
    rules: BUSINESS_DEPARTMENT_RULES,
    sources: ['003'],
  },
  {
    value: 'operations',
    meaning: 'Operations.',
    effect: BUSINESS_DEPARTMENT_EFFECT,
    rules: BUSINESS_DEPARTMENT_RULES,
    sources: ['003'],
  },
  {
    value: 'finance',
    meaning: 'Finance.',
    effect: BUSINESS_DEPARTMENT_EFFECT,
    rules: BUSINESS_DEPARTMENT_RULES,
    sources: ['003'],
  },
  {
    value: 'executive',
    meaning: 'Senior leadership outside any single function.',
    effect:
      'Not a business department and not IT: the department alone puts the person on neither side. An executive ' +
      'who is a business owner is on the business side through that role.',
    rules: [],
    sources: [],
  },
  {
    value: 'it',
    meaning: 'The IT department.',
    effect:
      'Internal people here are internal IT, on the IT side. They count where the plan needs IT (requirements, tool ' +
      'selection, environments, integration, load testing, data migration) and are flagged where the business ' +
      'should lead (sponsor, champion, requirements owner, selection owner, training, data quality).',
    rules: [
      'requirements-need-it',
      'selection-includes-it',
      'environments-need-it',
      'integration-needs-it',
      'load-testing-owner',
      'it-must-not-lead',
      'selection-led-by-business',
      'training-by-job-experts',
      'compliance-by-managers',
    ],
    sources: ['001', '002', '003'],
  },
  {
    value: 'other',
    meaning: 'Any other department; the default.',
    effect: 'Puts the person on neither side by department; roles such as IT owner or super-user still place them.',
    rules: [],
    sources: [],
  },
]);

export const AFFILIATION_GUIDANCE: ReadonlyMap<string, ValueGuidance> = values([
  {
    value: 'internal',
    meaning: 'An employee of the company running the project; the default.',
    effect:
      'Only internal people are on the IT side or the business side, so only they satisfy the rules that ask for ' +
      'IT or business involvement.',
    rules: ['it-owner-internal', 'requirements-need-it', 'data-migration-needs-business'],
    sources: ['002'],
  },
  {
    value: 'integrator',
    meaning: 'Works for the integration firm.',
    effect:
      'External: on neither side. Flagged as IT owner, as tool-selection owner or as data-quality owner, and not ' +
      'counted as the in-house programmers customisation needs. Counts as outside help for installation.',
    rules: [
      'it-owner-internal',
      'integrator-not-decider',
      'compliance-by-managers',
      'in-house-programmers',
      'installation-assistance',
    ],
    sources: ['002', '003'],
  },
  {
    value: 'vendor',
    meaning: 'Works for the company that sells the CRM tool.',
    effect: 'External, with the same effects as `integrator`.',
    rules: ['it-owner-internal', 'integrator-not-decider', 'compliance-by-managers', 'installation-assistance'],
    sources: ['002', '003'],
  },
  {
    value: 'consultant',
    meaning: 'An independent adviser brought in for the project.',
    effect: 'External, with the same effects as `integrator`.',
    rules: ['it-owner-internal', 'integrator-not-decider', 'compliance-by-managers', 'installation-assistance'],
    sources: ['002', '003'],
  },
]);

/** The words docs/format.md defines and the rules use, keyed by a short id. */
export const TERM_GUIDANCE: ReadonlyMap<string, TermGuidance> = new Map(
  (
    [
      {
        term: 'business department',
        meaning:
          '`sales`, `marketing`, `customer-service`, `operations` or `finance`: the departments whose people work in ' +
          'the CRM tool every day.',
        rules: [],
        sources: ['003'],
      },
      {
        term: 'internal IT',
        meaning: 'A person with `affiliation: internal` (the default) and `department: it`.',
        rules: [],
        sources: [],
      },
      {
        term: 'business side',
        meaning:
          'Internal people who are business owners or super-users, or who belong to a business department. The rules ' +
          'expect them to lead, and to take part in data migration.',
        rules: ['business-owner-required', 'data-migration-needs-business'],
        sources: ['001', '003'],
      },
      {
        term: 'IT side',
        meaning:
          'Internal people who are the IT owner, belong to the IT department, or appear under ' +
          '`roles.technicalStaff` without a business department. Department wins over role: a sales-operations ' +
          'administrator listed as technical staff is on the business side. A person can be on both sides, for ' +
          'example an IT super-user.',
        rules: ['requirements-need-it', 'selection-includes-it', 'environments-need-it', 'integration-needs-it'],
        sources: ['000', '002'],
      },
      {
        term: 'technical',
        meaning:
          'On the IT side, or listed under `roles.technicalStaff` whatever the affiliation and department: ' +
          'technical work may be farmed out.',
        rules: ['load-testing-owner'],
        sources: ['002'],
      },
      {
        term: 'head of IT',
        meaning:
          'A person whose `title` names the top IT job: CIO, CTO, IT director, director or head of IT, VP of IT and ' +
          'their long forms. Not a deputy, an assistant or a narrower title such as `Head of IT Security`.',
        rules: ['cio-day-to-day', 'cio-in-selection'],
        sources: ['000'],
      },
      {
        term: 'significant project',
        meaning:
          'A `large` or `enterprise` company, an `enterprise-wide` scope, or `complexity: complex`. On such a project ' +
          'the head of IT takes part in requirements and tool selection.',
        rules: ['cio-in-selection'],
        sources: ['000'],
      },
      {
        term: 'external',
        meaning:
          'Anyone whose `affiliation` is not `internal`: integrator, vendor or consultant staff. External people are ' +
          'on neither side.',
        rules: ['it-owner-internal', 'integrator-not-decider', 'installation-assistance'],
        sources: ['002'],
      },
      {
        term: 'members',
        meaning: 'The people in an activity: its `owner`, its `participants` and, for `testing`, its `loadTesting`.',
        rules: [],
        sources: [],
      },
    ] satisfies TermGuidance[]
  ).map((t) => [t.term, t]),
);

/** The keys inside each activity. */
export const ACTIVITY_FIELD_GUIDANCE: ReadonlyMap<string, FieldGuidance> = fields([
  {
    key: 'owner',
    title: 'Owner',
    meaning: 'The one person accountable for the activity.',
    effect: 'Several rules look at who owns an activity: whether the owner is on the business side, on the IT side, or external.',
    values: NONE,
    rules: [
      'it-must-not-lead',
      'selection-led-by-business',
      'integrator-not-decider',
      'in-house-programmers',
      'training-by-job-experts',
      'compliance-by-managers',
    ],
    sources: ['001', '002', '003'],
  },
  {
    key: 'participants',
    title: 'Participants',
    meaning: 'The people who take part in the activity besides its owner.',
    defaultValue: '[]',
    effect: 'Participants count as members, so they can supply the IT or business involvement an activity needs.',
    values: NONE,
    rules: ['requirements-need-it', 'selection-includes-it', 'environments-need-it', 'data-migration-needs-business'],
    sources: ['000', '002', '003'],
  },
  {
    key: 'loadTesting',
    title: 'Load testing',
    meaning: 'Under `testing`: the person who defines the load-testing criteria, that is, how much load the system must bear.',
    effect:
      'Should be someone technical (on the IT side, or listed under technical staff, from inside or outside): in ' +
      'article 002 the technical staff set the load-testing criteria.',
    values: NONE,
    rules: ['load-testing-owner'],
    sources: ['002'],
  },
]);

/** The fields under `partners`, keyed by dotted path below `partners`. */
export const PARTNER_FIELD_GUIDANCE: ReadonlyMap<string, FieldGuidance> = fields([
  {
    key: 'integrator',
    title: 'Integrator',
    meaning: 'The outside firm that implements and customises the system.',
    effect:
      'When an integrator is named, the IT owner should help choose it, and installation is expected to have outside help.',
    values: NONE,
    rules: ['integrator-selection-needs-it-owner', 'installation-assistance'],
    sources: ['000', '002'],
  },
  {
    key: 'integrator.providesFullSupport',
    title: 'Full support from the integrator',
    meaning: 'Whether the integrator will carry all support and maintenance after rollout.',
    defaultValue: 'false',
    effect:
      'When `true`, the plan needs no support team or `ongoingSupport` of its own, but the claim is flagged for a ' +
      'second look: integrators very seldom take on full support.',
    values: values([
      {
        value: 'true',
        meaning: 'The integrator has agreed to carry all support after rollout.',
        effect: 'Flagged as unusual; check the contract. No internal support plan is required.',
        rules: ['full-support-is-rare', 'support-plan-required'],
        sources: ['002'],
      },
      {
        value: 'false',
        meaning: 'Your own people carry support after rollout, perhaps with the integrator’s help; the default.',
        effect: 'The plan needs a support team or an `ongoingSupport` activity.',
        rules: ['support-plan-required'],
        sources: ['000', '002'],
      },
    ]),
    rules: ['full-support-is-rare', 'support-plan-required'],
    sources: ['002'],
  },
  {
    key: 'vendor',
    title: 'Vendor',
    meaning: 'The company that sells the CRM tool.',
    effect: 'Ask the vendor to name a project manager and a technical contact for the project.',
    values: NONE,
    rules: ['vendor-team', 'installation-assistance'],
    sources: ['004', '002'],
  },
  {
    key: 'vendor.projectManager',
    title: 'Vendor project manager',
    meaning: 'The project manager who leads the project on the vendor’s side and deals directly with your team.',
    effect: 'Flagged when missing.',
    values: NONE,
    rules: ['vendor-team'],
    sources: ['004'],
  },
  {
    key: 'vendor.technicalContact',
    title: 'Vendor technical contact',
    meaning: 'The vendor’s named technical contact; your technical staff should be able to work with this person directly.',
    effect: 'Flagged when missing.',
    values: NONE,
    rules: ['vendor-team'],
    sources: ['004', '002'],
  },
]);

/** The keys of an assignment written as a mapping (`person`, `allocation`, `note`, and `function` on business owners). */
export const ASSIGNMENT_FIELD_GUIDANCE: ReadonlyMap<string, FieldGuidance> = fields([
  {
    key: 'person',
    title: 'Person',
    meaning: 'The id of the person, as defined under `people`.',
    effect: 'An id that is not defined under `people` counts as nobody.',
    values: NONE,
    rules: ['unknown-person'],
    sources: [],
  },
  {
    key: 'allocation',
    title: 'Allocation',
    meaning: 'The share of the person’s working time the role takes, from `0%` to `100%`.',
    effect:
      'A person’s allocations across all roles must not add up to more than 100%. On the IT owner, anything below ' +
      '100% is flagged for an in-house build that is more than minimal and for a large deployment.',
    values: NONE,
    rules: ['over-allocated', 'it-owner-full-time'],
    sources: ['000'],
  },
  {
    key: 'note',
    title: 'Note',
    meaning: 'Free text about the assignment.',
    effect: 'No rule reads it.',
    values: NONE,
    rules: [],
    sources: [],
  },
  {
    key: 'function',
    title: 'Business function',
    meaning: 'On a business owner: the business department this owner speaks for.',
    effect: 'Documents which function each business owner leads; no rule reads it yet.',
    values: NONE,
    rules: [],
    sources: [],
  },
]);
