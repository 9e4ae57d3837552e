// The skeleton behind "CRM Team: New team plan": a complete plan in format version 1 with placeholder people,
// every role, both partners and every activity, so that a new user starts from something the checks accept.
// test/lsp/newPlan.test.ts keeps it valid and complete.

export const PLAN_TEMPLATE = `# Team plan for a CRM project: who holds each role and who owns each activity.
# Replace the placeholder people (ids and names), then follow the editor's hints.
crmteam: 1

project:
  name: New CRM project
  companySize: medium        # small | medium | large | enterprise
  delivery: integrator       # in-house | integrator
  scope: departmental        # departmental | enterprise-wide
  complexity: standard       # minimal | standard | complex
  customerFacing: false      # true if the rollout has a customer-facing portion
  integrations: []           # systems the CRM must connect to, e.g. [ERP, billing]
  phase: selection           # selection | implementation | rollout | operation

people:
  sponsor:
    name: Executive Sponsor (to be named)
    title: Chief Executive Officer
    department: executive
  business-owner:
    name: Business Owner (to be named)
    title: VP Sales
    department: sales
  it-owner:
    name: IT Owner (to be named)
    title: Business Applications Manager
    department: it
  project-manager:
    name: Project Manager (to be named)
    title: Project Manager
    department: operations
  super-user:
    name: Super-User (to be named)
    title: Sales Team Lead
    department: sales
  sysadmin:
    name: System Administrator (to be named)
    title: Systems and Network Administrator
    department: it
  dba:
    name: Database Administrator (to be named)
    title: Database Administrator
    department: it
  developer:
    name: Developer (to be named)
    title: Application Developer
    department: it
  designer:
    name: Designer (to be named)
    title: UX and Web Designer
    department: it
  integrator-lead:
    name: Integrator Lead (to be named)
    affiliation: integrator
    organization: Integrator (to be named)
  vendor-pm:
    name: Vendor Project Manager (to be named)
    affiliation: vendor
    organization: CRM Vendor (to be named)
  vendor-tech:
    name: Vendor Technical Contact (to be named)
    affiliation: vendor
    organization: CRM Vendor (to be named)

roles:
  executiveSponsor: sponsor
  businessOwners:
    - person: business-owner
      function: sales
      allocation: 50%
  itOwner:
    person: it-owner
    allocation: 100%
  projectManager: project-manager
  champion: business-owner
  superUsers: [super-user]
  technicalStaff:
    systemAdministration: [sysadmin]
    databaseAdministration: [dba]
    networkManagement: [sysadmin]
    applicationProgramming: [developer]
    uiDesign: [designer]
    webDesign: [designer]
  supportTeam: [sysadmin, developer]
  trainers: [super-user]

partners:
  integrator:
    organization: Integrator (to be named)
    lead: integrator-lead
    providesFullSupport: false
  vendor:
    organization: CRM Vendor (to be named)
    projectManager: vendor-pm
    technicalContact: vendor-tech

activities:
  requirements:        { owner: business-owner, participants: [it-owner, super-user] }
  toolSelection:       { owner: business-owner, participants: [it-owner, sysadmin] }
  integratorSelection: { owner: it-owner, participants: [business-owner] }
  referenceChecks:     { owner: it-owner }
  installation:        { owner: sysadmin, participants: [integrator-lead] }
  customization:       { owner: integrator-lead, participants: [developer] }
  integration:         { owner: developer, participants: [integrator-lead] }
  environments:        { owner: sysadmin, participants: [integrator-lead] }
  testing:             { owner: super-user, participants: [sysadmin], loadTesting: sysadmin }
  dataMigration:       { owner: business-owner, participants: [dba] }
  training:            { owner: super-user }
  dataQuality:         { owner: business-owner }
  rolloutSupport:      { owner: it-owner, participants: [sysadmin, developer] }
  ongoingSupport:      { owner: it-owner, participants: [sysadmin, developer] }
  vision:              { owner: business-owner }
`;
