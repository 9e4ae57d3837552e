// What each role under `roles` is for, and each technical-staff function: the guidance behind hovers,
// completion documentation and rule pages. Written in our own words; each entry names the articles it rests on
// (see `sources.ts`). Rule ids are those of server/src/rules/.

import type { SourceId } from './sources';

export interface RoleGuidance {
  /** The key in a `.crmteam.yaml` file (`itOwner`, `systemAdministration`, …). */
  readonly key: string;
  /** Human name, in sentence case: `IT owner`. */
  readonly title: string;
  /** What the role is for, in one or two sentences. */
  readonly purpose: string;
  readonly responsibilities: readonly string[];
  /** What the person needs: skills, standing, conditions (may be empty when the articles say nothing). */
  readonly needs: readonly string[];
  /** How much time the role takes, and when. */
  readonly time: string;
  readonly pitfalls?: readonly string[];
  /**
   * Advice of this project's own, beyond what the articles say (a sponsor's or a project manager's duties, say):
   * shown under its own heading, never under the citation's authority.
   */
  readonly advice?: readonly string[];
  /** The ids of the rules (server/src/rules/) that check this role (may be empty). */
  readonly rules: readonly string[];
  readonly sources: readonly SourceId[];
}

export interface TechFunctionGuidance extends RoleGuidance {
  /** When `technical-staff-coverage` expects somebody in this function. */
  readonly requiredWhen: string;
}

// The keys themselves are the format's (format/vocabulary.ts); this module only adds the guidance for each.
export { ROLE_KEYS, TECH_FUNCTIONS as TECH_FUNCTION_KEYS } from '../format/vocabulary';

const ROLES: readonly RoleGuidance[] = [
  {
    key: 'executiveSponsor',
    title: 'Executive sponsor',
    purpose:
      'The senior leader who backs the CRM project. Article 001 counts strong, direct sponsorship from the business ' +
      'users among the things a CRM project cannot do without, so the sponsor belongs on the business side.',
    responsibilities: [
      'Give the project visible backing from the business, with guidance and feedback as well as approval.',
      'Keep the non-technical decisions with the owners of the initiative instead of passing them to IT (article 003).',
    ],
    needs: ['A position on the business side of the company: article 001 advises against IT driving a CRM project.'],
    time: 'The articles give no figure.',
    pitfalls: [
      'An IT executive as sponsor. Article 001 warns that IT should not drive a CRM project, because its success rests on the users’ buy-in.',
    ],
    advice: [
      'Keep the business case in front of leadership and protect the budget.',
      'Settle disputes between departments, or between business and IT, that the owners cannot settle themselves.',
      'Judge the project after go-live by adoption and business results, not only by delivery.',
      'Expect light but regular involvement, rising around the tool decision and the rollout date.',
    ],
    rules: ['it-must-not-lead'],
    sources: ['001', '003'],
  },
  {
    key: 'businessOwners',
    title: 'Business owners',
    purpose:
      'The functional managers who lead the project for their departments and answer, once it is live, for how the ' +
      'tool is used. They decide what the system must do; the IT owner advises on how.',
    responsibilities: [
      'Set the business requirements and priorities for their function.',
      'Lead the choice of tool, judging candidates on usability, fit with how their teams work, and expected return.',
      'Work with the IT owner as peers, each deciding within their own field.',
      'Vouch for migrated data: their people can tell which records are worth keeping.',
      'Make their managers enforce data-entry procedures once the tool is in use.',
      'Own adoption and the stream of enhancement requests after go-live.',
    ],
    needs: [
      'Authority over the teams who will work in the tool every day.',
      'Visible, lasting commitment: without the functional owners’ will to succeed, a CRM project stalls.',
      'A working partnership with the IT owner, since most business managers know little of the technical side of selecting and implementing a tool.',
      'A stated allocation, so that the plan shows whether they really have the time.',
    ],
    time: 'The articles give no figure, but the owners stay responsible for how the tool is used long after go-live.',
    pitfalls: [
      'Letting IT pick the tool. Users who had no say in the choice may simply refuse to work with it.',
      'Doubling as the IT owner. The two roles balance each other and need two people.',
    ],
    advice: ['Expect significant time for the whole project, heaviest during requirements, tool selection and data migration.'],
    rules: [
      'business-owner-required',
      'it-owner-not-business-owner',
      'selection-led-by-business',
      'data-migration-needs-business',
      'compliance-by-managers',
    ],
    sources: ['001', '000', '003'],
  },
  {
    key: 'itOwner',
    title: 'IT owner',
    purpose:
      'Internal IT’s lead on the project and the business owners’ opposite number: the one who answers for the ' +
      'technical choices and the IT work, and who keeps the tool in good health for years after go-live.',
    responsibilities: [
      'Bring the technical requirements into the requirements work and confirm that the project fits the IT architecture, today’s or a planned one.',
      'Vet candidate tools against those requirements and put a price on any gap; often also join demos, technical sessions and reference calls, where a talk with the reference customer’s own IT lead is the most revealing check.',
      'Lead the choice of integrator: business owners rarely know what separates a capable integrator from a weak one, or how to work well with one.',
      'During implementation, put the right IT people on the work, coordinate the IT groups involved and check what the integrator delivers on the technical side.',
      'Plan support before rollout (skills, processes, staffing, handling of enhancement requests) and stay involved after go-live.',
      'Back the chosen tool once the decision meets the business needs and the IT standards, even if it was not their own preference.',
    ],
    needs: [
      'A broad view of the company’s IT capabilities, processes, architecture and plans.',
      'Enough technical depth to match people to problems and size each piece of work, without doing the detailed work personally.',
      'The ability to keep many IT groups in step through months of detail.',
      'The right level: usually an applications manager (a title along the lines of Business Applications Manager). A CIO should help shape requirements and selection on a big project, but rarely runs it day to day, except in a small company with no other senior IT person.',
    ],
    time:
      'Driven mainly by the share of the build that an outside party does. An in-house build, or a large ' +
      'deployment, needs a full-time IT owner; lighter projects need less time, but never nobody.',
    pitfalls: [
      'Leaving the seat empty because the integrator is capable and the project manager experienced. Someone inside must still fit the system into the company’s infrastructure and secure the IT people it needs.',
      'Giving the role to an integrator’s or vendor’s consultant: the company’s IT landscape is known best from inside, a point article 002 makes about the tool decision.',
      'Combining it with a business owner role, which removes the balance between the two sides.',
      'An IT owner who keeps resisting the chosen tool turns into an obstacle.',
    ],
    rules: [
      'it-owner-required',
      'it-owner-internal',
      'it-owner-not-business-owner',
      'cio-day-to-day',
      'it-owner-full-time',
      'it-owner-stays-involved',
      'integrator-selection-needs-it-owner',
      'it-owner-in-reference-checks',
    ],
    sources: ['000', '001', '002'],
  },
  {
    key: 'projectManager',
    title: 'Project manager',
    purpose:
      'Runs the plan from day to day. The articles do not describe this role; what they do say is that a strong ' +
      'project manager does not make the IT owner unnecessary (article 000). The duties below are our suggestion.',
    responsibilities: [
      'Work with the vendor’s lead project manager, who in article 004’s account deals directly with the customer and its key people.',
    ],
    needs: [],
    time: 'The articles give no figure.',
    pitfalls: [
      'Treating an able project manager as a substitute for the IT owner: article 000 wants an IT owner even when both the project manager and the integrator are capable.',
    ],
    advice: [
      'Keep the schedule, the task list and the risk log current.',
      'Report progress to the owners and the executive sponsor, and escalate what blocks the work.',
      'Make sure every activity in the plan has an owner who knows it.',
      'Expect steady involvement for the length of the project, often full-time on a large rollout, tapering off after go-live.',
    ],
    rules: [],
    sources: ['000', '004'],
  },
  {
    key: 'champion',
    title: 'CRM champion',
    purpose:
      'The person on the customer’s side who carries the CRM project inside the organisation. The supplier’s team ' +
      'cannot do this for you, and article 004 finds that in many projects this person decides whether it succeeds.',
    responsibilities: [
      'Communicate clearly, and help set realistic expectations across the organisation.',
      'Believe in the project and see it through.',
      'Talk to people at every level to learn how they work, and help shape the procedures the system will put in place.',
      'Push, or get someone senior to push, when goals start to slip.',
    ],
    needs: [
      'The respect of colleagues across the organisation.',
      'Often, though not always, whoever negotiated the contract and helped pick the supplier; the job can also be delegated.',
    ],
    time:
      'Article 004 expects less championing to be needed as users feel the benefit and start promoting the system ' +
      'themselves; after the first delivery, the role may turn to watching the system and planning ahead.',
    pitfalls: ['A champion from IT: the project then looks IT-driven, which article 001 advises against.'],
    advice: [
      'Pick someone from the business side.',
      'Make the champion the main contact for the supplier’s project manager.',
      'Expect the most work from selection through rollout.',
    ],
    rules: ['champion-required', 'it-must-not-lead'],
    sources: ['004', '001'],
  },
  {
    key: 'superUsers',
    title: 'Super-users',
    purpose:
      'Experienced everyday users from the business. In article 002 they help write the use cases that describe ' +
      'what the business needs from the tool, much as the technical staff set the criteria for load testing.',
    responsibilities: ['Help write the use cases that say, in the business’s terms, what the tool must do.'],
    needs: [],
    time: 'The articles give no figure.',
    advice: [
      'Test each build against those use cases and report the gaps.',
      'Help colleagues learn the tool around rollout: as experts in the daily work, they fit the kind of trainer article 003 prefers.',
      'Feed problems and improvement ideas back to the owners after go-live.',
      'Release them from part of their normal duties during requirements and testing; expect part-time work, peaking then and again around rollout.',
    ],
    rules: ['super-users-write-use-cases'],
    sources: ['002', '003'],
  },
  {
    key: 'technicalStaff',
    title: 'Technical staff',
    purpose:
      'The IT specialists who install, configure, customise, integrate, test and support the system. How many you ' +
      'need, and what they do rather than the integrator, depends on the project’s complexity and on how much work ' +
      'goes outside.',
    responsibilities: [
      'Add technical detail to the requirements and help choose the tool and the integrator; talk directly with the vendor’s technicians, who tend to speak openly to their peers.',
      'Set up and administer servers, databases, network and desktops, including the test and production environments.',
      'Take part in customisation and integration even when the integrator leads, because they will support the result.',
      'Define the load-testing criteria and the administration use cases, and either carry out the tests or verify their results.',
      'Support users at rollout, and handle maintenance and enhancement requests afterwards.',
    ],
    needs: [
      'Someone for each function the project requires: system administration always; database administration, network management and application programming unless the project is minimal; UI and web design for a customer-facing portion.',
      'A split of duties with the integrator that is agreed before the work starts.',
      'Training on the chosen tool early enough to learn from the integrator’s developers.',
    ],
    time:
      'Varies widely. A single specialist may be needed for only a few days (the network person, for instance), yet ' +
      'skipping that work can cause serious trouble later. Decide before selection how much technical capacity the ' +
      'project can have, and choose a tool that fits it.',
    pitfalls: [
      'Leaving everything to the integrator. The company keeps the system long after the integrator has gone.',
      'Choosing a tool that asks for more technical capacity than the company can give.',
    ],
    rules: [
      'technical-staff-coverage',
      'selection-includes-it',
      'requirements-need-it',
      'in-house-programmers',
      'integration-needs-it',
      'environments-need-it',
      'load-testing-owner',
    ],
    sources: ['002', '001'],
  },
  {
    key: 'supportTeam',
    title: 'Support team',
    purpose:
      'The people who keep the system running and useful after go-live: they answer users, fix problems, administer ' +
      'the system and work through enhancement requests.',
    responsibilities: [
      'Be on hand in numbers in the first weeks after go-live, which is when most problems, and many good ideas, show up, however well the project was planned.',
      'Provide everyday support and administration for as long as the tool is in use.',
      'Maintain the customisations and integrations built during the project.',
      'Review, rank and deliver enhancement requests with the business owners.',
    ],
    needs: [
      'Working knowledge of the customised application, gained during the project rather than after it.',
      'Planning during implementation: hiring, training and ramp-up all take time.',
      'A clear answer on what the integrator will support. Full support from an integrator after rollout is rare, so assume your own people will carry most of it.',
    ],
    time:
      'Highest in the first weeks after rollout, then continuous for as long as the system is used. Depending on the ' +
      'company, this means anything from adjusting existing IT processes to building a new support group and hiring for it.',
    rules: ['support-plan-required', 'rollout-support-capacity', 'full-support-is-rare', 'it-owner-stays-involved', 'in-house-support'],
    sources: ['000', '002'],
  },
  {
    key: 'trainers',
    title: 'Trainers',
    purpose:
      'Teach users to do their own jobs with the new system. Article 003 believes training works best when it comes ' +
      'from people who know the trainees’ work, not from software specialists.',
    responsibilities: [
      'Build the training around the business processes and the results users must reach, not around every feature.',
      'Train each group with examples from its own daily work.',
      'Report usability problems to the project: in article 003’s view, a task that needs a technician to teach it points to a usability issue.',
    ],
    needs: ['Expertise in the trainees’ jobs: sales, service, marketing and so on.'],
    time: 'The articles give no figure.',
    pitfalls: ['Handing training to IT by default. IT knows the software, but usually not the job.'],
    advice: [
      'Make sure the trainers know the system as configured, and can reach super-users and business owners for the details of each process.',
      'Refresh the training when procedures change or data discipline slips.',
      'Expect the work in the weeks before and during rollout, and now and then afterwards for new staff and changed procedures.',
    ],
    rules: ['training-by-job-experts'],
    sources: ['003'],
  },
];

const TECH_FUNCTIONS: readonly TechFunctionGuidance[] = [
  {
    key: 'systemAdministration',
    title: 'System administration',
    purpose:
      'Sets up and runs the machines the CRM system depends on: servers, and the users’ desktops and laptops, in ' +
      'test and in production.',
    responsibilities: [
      'Provide and configure servers and client machines, then put the software on them and set it up.',
      'Build and run the test and production environments, with the integrator’s help where useful.',
      'Tune the system as it approaches deployment.',
      'Administer the live system after rollout.',
    ],
    needs: [
      'Knowledge of the company’s infrastructure and security rules; many companies limit outsiders’ access to internal systems.',
      'A full understanding of the setup, even the parts an integrator built, so it can be supported.',
    ],
    time:
      'Light while code is written at the integrator’s site; it climbs steeply towards the end of implementation, ' +
      'as deployment nears, and then continues for the life of the system.',
    requiredWhen: 'Always. Even the simplest rollout needs at least one machine set up and looked after.',
    rules: ['technical-staff-coverage', 'environments-need-it', 'installation-assistance'],
    sources: ['002', '001', '003'],
  },
  {
    key: 'databaseAdministration',
    title: 'Database administration',
    purpose:
      'Looks after the database underneath the CRM tool. Article 001 names database administration among the work ' +
      'IT nearly always does on a CRM project, and article 002 lists database administrators among the functions.',
    responsibilities: [
      'Administer the database the tool runs on, in test and in production.',
      'Load migrated data once the business side has vetted it: IT has the technical skills, but the people who use the data know which records are worth keeping (article 003).',
    ],
    needs: ['Close contact with the people who own the data during migration.'],
    time: 'The articles give no figure.',
    advice: [
      'Tune performance and plan capacity before go-live.',
      'Run backups and restores, and keep the database healthy after go-live.',
      'Expect moderate work around environment setup and data migration, light but continuous afterwards.',
    ],
    requiredWhen: 'Unless `complexity` is `minimal`.',
    rules: ['technical-staff-coverage', 'data-migration-needs-it'],
    sources: ['002', '001', '003'],
  },
  {
    key: 'networkManagement',
    title: 'Network management',
    purpose:
      'Makes sure the network carries the CRM system. Article 002 lists network managers among the functions a ' +
      'project draws on, and article 001 counts network tuning among the work IT nearly always does.',
    responsibilities: ['Tune the network for the new system, above all when load tests or the rollout expose problems.'],
    needs: ['Knowledge of the company network and its security policies.'],
    time:
      'Likely only a few days over the whole project (article 002), but skipping that work may cause real trouble later.',
    advice: [
      'Check bandwidth and connectivity for all users and locations.',
      'Open, and secure, the access the system and its integrations need.',
      'Ask for early notice of the rollout plan and the integrations, so that capacity and access are ready in time.',
    ],
    requiredWhen: 'Unless `complexity` is `minimal`.',
    rules: ['technical-staff-coverage'],
    sources: ['002', '001'],
  },
  {
    key: 'applicationProgramming',
    title: 'Application programming',
    purpose:
      'Writes and maintains code for the CRM tool and for each system it connects to, whether through a full ' +
      'integration or a light link.',
    responsibilities: [
      'Take part in designing and coding the customisations, even when the integrator leads them.',
      'Build or support the integrations with legacy and other systems, bringing what they know of those systems to the integrator.',
      'Take over the custom code for support and enhancements after rollout.',
    ],
    needs: [
      'Training on the chosen tool; vendor courses if they start from nothing.',
      'A few weeks working alongside the integrator’s developers, to learn their methods first-hand.',
      'Expert knowledge of the systems the CRM must connect to.',
    ],
    time:
      'Substantial during customisation and integration, then ongoing for maintenance and enhancements. Training ' +
      'in-house programmers on the tool may seem to hold the project back, but it pays for itself at the handoff to support.',
    requiredWhen: 'Unless `complexity` is `minimal`.',
    rules: ['technical-staff-coverage', 'in-house-programmers', 'integration-needs-it'],
    sources: ['002'],
  },
  {
    key: 'uiDesign',
    title: 'UI design',
    purpose:
      'Designs the screens and interactions people work with. Article 002 lists UI specialists among the functions a ' +
      'project draws on, especially for the part of the rollout that customers see.',
    responsibilities: ['Design the customer-facing part of the rollout (a portal, web forms) so that customers can use it.'],
    needs: [],
    time: 'The articles give no figure.',
    advice: [
      'Review the internal screens and layouts too, so that daily tasks take as few steps as possible.',
      'Test designs with super-users and, where possible, real customers.',
      'Expect the work while the customer-facing part is designed and built, and little afterwards.',
    ],
    requiredWhen: 'When `customerFacing` is `true`.',
    rules: ['technical-staff-coverage'],
    sources: ['002'],
  },
  {
    key: 'webDesign',
    title: 'Web design',
    purpose:
      'Builds the web pages and forms through which customers reach the CRM system. Article 002 lists web designers ' +
      'among the functions a project draws on.',
    responsibilities: ['Build the portal pages and web forms of the customer-facing part of the rollout.'],
    needs: [],
    time: 'The articles give no figure.',
    advice: [
      'Keep the pages consistent with the rest of the company’s web presence.',
      'Check that they work across browsers and devices and pass their data correctly into the CRM.',
      'Work with the UI designer and the application programmers.',
    ],
    requiredWhen: 'When `customerFacing` is `true`.',
    rules: ['technical-staff-coverage'],
    sources: ['002'],
  },
];

export const ROLE_GUIDANCE: ReadonlyMap<string, RoleGuidance> = new Map(ROLES.map((r) => [r.key, r]));

export const TECH_FUNCTION_GUIDANCE: ReadonlyMap<string, TechFunctionGuidance> = new Map(
  TECH_FUNCTIONS.map((f) => [f.key, f]),
);
