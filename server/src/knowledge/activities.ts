// What each activity under `activities` is, who should own it and who should take part, and which rules check
// it. Written in our own words; each entry names the articles it rests on (see `sources.ts`).

import type { SourceId } from './sources';

export interface ActivityGuidance {
  /** The key under `activities`. */
  readonly key: string;
  /** Human name, in sentence case. */
  readonly title: string;
  /** What the activity is. */
  readonly what: string;
  /** Who should own it, and why. */
  readonly owner: string;
  /** Who should take part, and why. */
  readonly participants: string;
  /** Advice of this project's own, beyond the articles: shown under its own heading. */
  readonly advice?: string;
  /** The ids of the rules (server/src/rules/) that check this activity (may be empty). */
  readonly rules: readonly string[];
  readonly sources: readonly SourceId[];
}

// The keys themselves are the format's (format/vocabulary.ts); this module only adds the guidance for each.
export { ACTIVITIES as ACTIVITY_KEYS } from '../format/vocabulary';

const ACTIVITIES: readonly ActivityGuidance[] = [
  {
    key: 'requirements',
    title: 'Requirements',
    what:
      'Working out what the CRM system must do for the business, and the technical conditions it has to meet to ' +
      'fit into the company’s IT.',
    owner:
      'A business owner. The functional owners lead because the system exists to serve their teams, and users ' +
      'commit to what they helped define. An IT owner here signals that IT is driving the project.',
    participants:
      'The IT owner and technical staff, who know how a tool could fit the IT environment and can spot problems ' +
      'early; super-users, who write the use cases; and, on a significant project, the CIO.',
    rules: ['it-must-not-lead', 'requirements-need-it', 'integrator-not-decider', 'cio-in-selection'],
    sources: ['001', '000', '002'],
  },
  {
    key: 'toolSelection',
    title: 'Tool selection',
    what: 'Choosing the CRM product: drawing up a short list, running demos and technical reviews, and deciding.',
    owner:
      'An internal business owner: the people who will work in the tool every day have most to gain and should make ' +
      'the call. The decision should turn on usability, fit with business processes and expected return; how easily ' +
      'a product can be customised is a cost-of-ownership question, not the deciding one. Not the integrator: as ' +
      'article 002 notes, an integrator works with these products all the time and finds every one of them easy.',
    participants:
      'The IT owner and technical staff, to test candidates against the technical requirements, cost the gaps and ' +
      'speak with the vendors’ technicians; on a significant project, the head of IT as well. Settle early how much ' +
      'technical capacity the project can count on, and choose a tool within it.',
    rules: ['selection-led-by-business', 'integrator-not-decider', 'selection-includes-it', 'cio-in-selection'],
    sources: ['003', '002', '000'],
  },
  {
    key: 'integratorSelection',
    title: 'Integrator selection',
    what: 'Choosing the firm that will implement and customise the system.',
    owner:
      'Usually the IT owner. Business owners seldom know what separates a good integrator from a poor one, while the ' +
      'IT owner has contacts in the trade, or colleagues who have worked with the firms the vendor recommends.',
    participants:
      'The business owners, who will have to work with the integrator for months; technical staff for specific checks.',
    rules: ['integrator-selection-needs-it-owner'],
    sources: ['000', '002'],
  },
  {
    key: 'referenceChecks',
    title: 'Reference checks',
    what: 'Talking to existing customers of the candidate tool and integrator to learn how things go in practice.',
    owner:
      'The IT owner, for the technical side: a conversation between your IT owner and the reference customer’s IT ' +
      'owner is the surest way to hear how the tool really behaves.',
    participants: 'Business owners, who should ask their own counterparts about adoption and fit with the work.',
    rules: ['it-owner-in-reference-checks'],
    sources: ['000'],
  },
  {
    key: 'installation',
    title: 'Installation',
    what: 'Installing the CRM software on the servers and, where needed, on users’ machines.',
    owner: 'Internal system administration, who will look after the installation once it is done.',
    participants:
      'The vendor or the integrator. Installing can be a sizeable job, nearly always so for high-end products, and ' +
      'goes best with their help.',
    rules: ['installation-assistance', 'installation-needs-it'],
    sources: ['002', '003'],
  },
  {
    key: 'customization',
    title: 'Customisation',
    what: 'Adapting the tool to the business: configuration, and in most cases code.',
    owner:
      'Often the integrator. The skills are rarely found in-house and the effort is large but temporary, so ' +
      'outsourcing it usually makes sense.',
    participants:
      'In-house application programmers, even if they must first take the vendor’s courses. A few weeks coding next ' +
      'to the integrator shows them first-hand how the work is done, and eases the later handoff to support.',
    rules: ['in-house-programmers'],
    sources: ['002'],
  },
  {
    key: 'integration',
    title: 'Integration',
    what: 'Connecting the CRM system to legacy and other systems, from a full integration to a light link.',
    owner: 'An internal specialist in the systems involved, or the integrator with such a specialist on the team.',
    participants:
      'IT specialists for each system to be connected. Here, unlike in customisation, they teach the integrator’s ' +
      'people about those systems instead of learning from them.',
    rules: ['integration-needs-it'],
    sources: ['002'],
  },
  {
    key: 'environments',
    title: 'Test and production environments',
    what: 'Setting up and running the environments the system is tested in and goes live in.',
    owner: 'Internal IT, normally system administration.',
    participants:
      'The integrator may help, but internal IT must understand the setup completely in order to support it; besides, ' +
      'security policies often keep outsiders away from internal systems.',
    rules: ['environments-need-it'],
    sources: ['002'],
  },
  {
    key: 'testing',
    title: 'Testing',
    what:
      'Checking the system throughout the project against the business use cases and the technical criteria, load ' +
      'testing included.',
    owner:
      'No article names an owner. In article 002 the technical staff carry out the tests, or verify their results, ' +
      'all through the project.',
    participants:
      'Technical staff, who also write the administration use cases and set the load-testing criteria (`loadTesting` ' +
      'names that person); the super-users’ use cases say what the business needs tested.',
    advice: 'Have a business owner or a super-user accept the functional results against the use cases.',
    rules: ['load-testing-owner'],
    sources: ['002'],
  },
  {
    key: 'dataMigration',
    title: 'Data migration',
    what: 'Cleaning up existing data and importing it into the new system.',
    owner:
      'The department that uses the data, working closely with IT. Only people who know the data can separate sound ' +
      'records from stale or irrelevant ones.',
    participants:
      'IT, often database administration, for the technical work. Left to IT alone, an import can be technically ' +
      'flawless and still fill the new database with suppliers, competitors, private contacts and long-dead lead lists.',
    rules: ['data-migration-needs-business', 'data-migration-needs-it'],
    sources: ['003'],
  },
  {
    key: 'training',
    title: 'Training',
    what: 'Teaching users to do their jobs with the new system.',
    owner:
      'Someone who knows the trainees’ job: a business owner, a super-user or a trainer from the department. Users ' +
      'learn more from someone who understands their daily work than from an expert in the software.',
    participants:
      'IT can help with system details. If users can only learn a task from a technician, treat that as a usability problem.',
    rules: ['training-by-job-experts'],
    sources: ['003'],
  },
  {
    key: 'dataQuality',
    title: 'Data quality and compliance',
    what: 'Making sure users follow the data-entry procedures, so that the reports show what they should.',
    owner: 'The business. Only a user’s own manager can make that user follow the procedure.',
    participants:
      'IT explains the procedures, reports when they are not followed and makes them as hard to get wrong as it can. ' +
      'When data is missing or wrong, the software, and IT with it, is blamed first, even when the cause is a skipped step.',
    rules: ['compliance-by-managers'],
    sources: ['003'],
  },
  {
    key: 'rolloutSupport',
    title: 'Rollout support',
    what: 'Supporting users in the first weeks after go-live.',
    owner: 'The IT owner or the support lead.',
    participants:
      'Enough technical and support staff to answer almost at once: even well-trained users make mistakes at first, ' +
      'and no test campaign catches every fault.',
    advice: 'At least two people: this project’s own measure of enough.',
    rules: ['rollout-support-capacity', 'it-owner-stays-involved'],
    sources: ['000', '002'],
  },
  {
    key: 'ongoingSupport',
    title: 'Ongoing support',
    what: 'Support, administration, maintenance and enhancements for the whole life of the system.',
    owner: 'The IT owner, who stays accountable after rollout.',
    participants:
      'The support team and technical staff, including the in-house programmers who learned the custom code. ' +
      'Integrators seldom take on full support after rollout, so plan, hire and train for it during the project.',
    rules: ['support-plan-required', 'it-owner-stays-involved', 'in-house-support'],
    sources: ['000', '002'],
  },
  {
    key: 'vision',
    title: 'CRM vision',
    what: 'Watching how the system is used once it is delivered, and planning where it goes next.',
    owner:
      'A business owner or the champion. Once the first delivery is done, article 004 suggests the champion may ' +
      'stay on with a new focus: watching the system and planning ahead.',
    participants:
      'The IT owner, to fit the plans into the IT roadmap. IT is also the natural home for a company-wide CRM plan.',
    rules: ['post-rollout-vision'],
    sources: ['004', '001', '000'],
  },
];

export const ACTIVITY_GUIDANCE: ReadonlyMap<string, ActivityGuidance> = new Map(ACTIVITIES.map((a) => [a.key, a]));
