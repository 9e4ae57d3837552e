// The team plan as the rules see it: people, roles, partners and activities with their source ranges,
// defaults applied and invalid values treated as absent (ARCHITECTURE.md, "Decided edge cases").

import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { OffsetRange } from '../core/finding';
import { keyName, lastPair, rangeOf, type Path, type YamlModel } from '../model/yamlModel';
import { closest } from '../core/suggest';
import {
  ACTIVITIES, AFFILIATIONS, ALLOCATION_PATTERN, BUSINESS_DEPARTMENTS, COMPANY_SIZES, COMPLEXITIES, DELIVERIES,
  DEPARTMENTS, DEPLOYMENT_SIZES, isOneOf, KEY_ORDER, LIST_ROLES, PHASES, PROJECT_DEFAULTS, SCOPES, SINGLE_ROLES,
  TECH_FUNCTIONS, type ActivityName, type Affiliation, type CompanySize, type Complexity, type Delivery,
  type Department, type DeploymentSize, type ListRole, type Phase, type Scope, type SingleRole, type TechFunction,
} from '../format/vocabulary';
import { isHeadOfItTitle } from './headOfIt';

/** Where a person reference sits: `roles.itOwner`, `activities.testing.loadTesting`, `partners.integrator.lead`… */
export interface RefContext {
  readonly section: 'roles' | 'partners' | 'activities';
  /** The role, partner or activity key. */
  readonly key: string;
  /** The field inside it: a technical function, `owner`, `participants`, `loadTesting`, `lead`, … */
  readonly field?: string;
}

export interface PersonRef {
  readonly id: string;
  readonly range: OffsetRange;
  readonly path: Path;
  readonly context: RefContext;
}

export interface Allocation {
  readonly percent: number;
  readonly range: OffsetRange;
}

export interface Assignment {
  /** Absent when the entry names no person (a schema problem reported elsewhere). */
  readonly ref?: PersonRef;
  readonly allocation?: Allocation;
  /** `function` of a business owner entry, when valid. */
  readonly businessFunction?: string;
  readonly range: OffsetRange;
  readonly path: Path;
}

export interface Person {
  readonly id: string;
  readonly keyRange: OffsetRange;
  readonly path: Path;
  readonly name?: string;
  readonly title?: string;
  readonly department: Department;
  readonly affiliation: Affiliation;
  readonly organization?: string;
  readonly email?: string;
}

export interface Project {
  readonly name?: string;
  readonly companySize: CompanySize;
  /** How far the rollout reaches; absent means unknown and never makes a rule fire (docs/format.md). */
  readonly deploymentSize?: DeploymentSize;
  readonly delivery: Delivery;
  readonly scope: Scope;
  readonly complexity: Complexity;
  readonly customerFacing: boolean;
  readonly integrations: readonly string[];
  readonly phase: Phase;
}

export interface Activity {
  readonly name: ActivityName;
  readonly keyRange: OffsetRange;
  readonly path: Path;
  readonly owner?: PersonRef;
  readonly participants: readonly PersonRef[];
  readonly loadTesting?: PersonRef;
  /** Ids of the owner, the participants and (for testing) `loadTesting`. */
  readonly memberIds: ReadonlySet<string>;
}

export interface Integrator {
  readonly keyRange: OffsetRange;
  readonly path: Path;
  readonly organization?: string;
  readonly lead?: PersonRef;
  readonly providesFullSupport: boolean;
  readonly providesFullSupportRange?: OffsetRange;
}

export interface Vendor {
  readonly keyRange: OffsetRange;
  readonly path: Path;
  readonly organization?: string;
  readonly projectManager?: PersonRef;
  readonly technicalContact?: PersonRef;
}

export interface Roles {
  readonly single: ReadonlyMap<SingleRole, Assignment>;
  readonly lists: ReadonlyMap<ListRole, readonly Assignment[]>;
  readonly technicalStaff: ReadonlyMap<TechFunction, readonly Assignment[]>;
}

export class Plan {
  readonly project: Project;
  /** The people defined in this file. */
  readonly people = new Map<string, Person>();
  /**
   * The people of the shared roster that covers this plan (README, "Many plans"), with ranges in the roster's own text;
   * empty without a roster. A plan entry with the same id takes precedence for this plan.
   */
  readonly roster: ReadonlyMap<string, Person>;
  /** Whether a roster covers this plan (then `people` may be left out). */
  readonly hasRoster: boolean;
  readonly roles: Roles;
  readonly integrator?: Integrator;
  readonly vendor?: Vendor;
  readonly activities = new Map<ActivityName, Activity>();
  /** Every person reference in the file, in document order. */
  readonly references: PersonRef[] = [];

  private readonly technicalStaffIds = new Set<string>();
  private readonly businessSideRoleIds = new Set<string>();
  // Indexes built on first use (the plan is never mutated after construction).
  private allocationsById: Map<string, Assignment[]> | undefined;
  private referencesById: Map<string, PersonRef[]> | undefined;

  constructor(readonly model: YamlModel, roster?: ReadonlyMap<string, Person>) {
    this.roster = roster ?? new Map();
    this.hasRoster = roster !== undefined;
    this.project = this.readProject();
    this.readPeople();
    this.roles = this.readRoles();
    const partners = this.mapAt(['partners']);
    if (partners) {
      this.integrator = this.readIntegrator();
      this.vendor = this.readVendor();
    }
    this.readActivities();
    this.references.sort((a, b) => a.range.start - b.range.start);

    for (const list of this.roles.technicalStaff.values()) for (const a of list) if (a.ref) this.technicalStaffIds.add(a.ref.id);
    for (const role of ['businessOwners', 'superUsers'] as const) {
      for (const a of this.roles.lists.get(role) ?? []) if (a.ref) this.businessSideRoleIds.add(a.ref.id);
    }
  }

  // ---- sides (docs/format.md, "How the checks read a plan") ----

  /** The person with this id: defined in the plan, else in the roster. */
  person(id: string | undefined): Person | undefined {
    return id === undefined ? undefined : this.people.get(id) ?? this.roster.get(id);
  }

  /** Whether the id names a person of this plan or of its roster. */
  isDefined(id: string): boolean {
    return this.people.has(id) || this.roster.has(id);
  }

  /** Whether the person is known only from the roster (defined in another file). */
  isRosterOnly(id: string): boolean {
    return !this.people.has(id) && this.roster.has(id);
  }

  /** Every id the plan may refer to: its own people first (in document order), then the roster's. */
  knownIds(): string[] {
    const ids = this.peopleInOrder().map((p) => p.id);
    for (const id of this.roster.keys()) if (!this.people.has(id)) ids.push(id);
    return ids;
  }

  isInternal(id: string | undefined): boolean {
    return this.person(id)?.affiliation === 'internal';
  }

  isExternal(id: string | undefined): boolean {
    const person = this.person(id);
    return person !== undefined && person.affiliation !== 'internal';
  }

  /**
   * Internal, and the IT owner (whatever the department), in the IT department, or on the technical staff without a
   * business department. Department wins over role: a sales-operations administrator listed as technical staff is a
   * job expert on the business side (docs/format.md).
   */
  isITSide(id: string | undefined): boolean {
    const person = this.person(id);
    if (!person || person.affiliation !== 'internal') return false;
    if (person.department === 'it' || person.id === this.itOwnerId) return true;
    return this.technicalStaffIds.has(person.id) && !isOneOf(BUSINESS_DEPARTMENTS, person.department);
  }

  /**
   * On the IT side, or listed under `roles.technicalStaff` whatever the affiliation and department: technical work
   * may be farmed out (docs/format.md "technical"). An undefined id is nobody.
   */
  isTechnical(id: string | undefined): boolean {
    const person = this.person(id);
    if (!person) return false;
    return this.technicalStaffIds.has(person.id) || this.isITSide(person.id);
  }

  /** Whether the person's title names the top IT job (docs/format.md "head of IT"). */
  isHeadOfIt(id: string | undefined): boolean {
    const title = this.person(id)?.title;
    return title !== undefined && isHeadOfItTitle(title);
  }

  /** The people whose title names the top IT job, in document order. */
  headsOfIt(): Person[] {
    return this.peopleInOrder().filter((p) => this.isHeadOfIt(p.id));
  }

  /** A large or enterprise company, an enterprise-wide scope, or a complex project (docs/format.md "significant project"). */
  get isSignificant(): boolean {
    const { companySize, scope, complexity } = this.project;
    return companySize === 'large' || companySize === 'enterprise' || scope === 'enterprise-wide' || complexity === 'complex';
  }

  /** The entries of a list role that name a defined person: a list whose entries are all undefined counts as empty. */
  definedListMembers(role: ListRole): string[] {
    return (this.roles.lists.get(role) ?? []).flatMap((a) => (a.ref && this.people.has(a.ref.id) ? [a.ref.id] : []));
  }

  /** Internal, and a business owner, a super-user, or in a business department. */
  isBusinessSide(id: string | undefined): boolean {
    const person = this.person(id);
    if (!person || person.affiliation !== 'internal') return false;
    return isOneOf(BUSINESS_DEPARTMENTS, person.department) || this.businessSideRoleIds.has(person.id);
  }

  get itOwner(): Assignment | undefined {
    return this.roles.single.get('itOwner');
  }

  get itOwnerId(): string | undefined {
    return this.itOwner?.ref?.id;
  }

  /** The IT owner's id when it names a defined person: the one to add to activities in fixes. */
  get definedItOwnerId(): string | undefined {
    const id = this.itOwnerId;
    return id !== undefined && this.isDefined(id) ? id : undefined;
  }

  businessOwners(): readonly Assignment[] {
    return this.roles.lists.get('businessOwners') ?? [];
  }

  /** Defined people in document order. */
  peopleInOrder(): Person[] {
    return [...this.people.values()].sort((a, b) => a.keyRange.start - b.keyRange.start);
  }


  /**
   * Whether the first missing key along `path` is there misspelt (`activites:` for `activities`), judged against the
   * keys the format allows at that place.
   */
  misspeltPath(path: readonly string[]): boolean {
    for (let i = 0; i < path.length; i++) {
      if (this.model.pairAt(path.slice(0, i + 1))) continue;
      const parent = path.slice(0, i);
      return this.hasMisspeltKey(parent, path[i]!, KEY_ORDER[parent.join('.')] ?? []);
    }
    return false;
  }

  /** The allocations stated for a person across all roles. */
  allocationsOf(id: string): Allocation[] {
    return this.allocatedAssignmentsOf(id).map((a) => a.allocation!);
  }

  /** The person's role assignments that state an allocation, in document order (each has `ref` and `allocation`). */
  allocatedAssignmentsOf(id: string): readonly Assignment[] {
    return this.allocationIndex().get(id) ?? [];
  }

  /** Every person reference to `id`, in document order. */
  referencesTo(id: string): readonly PersonRef[] {
    if (!this.referencesById) {
      this.referencesById = new Map();
      for (const ref of this.references) {
        const list = this.referencesById.get(ref.id);
        if (list) list.push(ref);
        else this.referencesById.set(ref.id, [ref]);
      }
    }
    return this.referencesById.get(id) ?? [];
  }

  /** Stated allocations by person id, built once: rules ask for every person's, which must not cost a scan each. */
  private allocationIndex(): Map<string, Assignment[]> {
    if (this.allocationsById) return this.allocationsById;
    const index = new Map<string, Assignment[]>();
    const visit = (a: Assignment) => {
      if (!a.ref || !a.allocation) return;
      const list = index.get(a.ref.id);
      if (list) list.push(a);
      else index.set(a.ref.id, [a]);
    };
    for (const a of this.roles.single.values()) visit(a);
    for (const list of this.roles.lists.values()) list.forEach(visit);
    for (const list of this.roles.technicalStaff.values()) list.forEach(visit);
    for (const list of index.values()) list.sort((a, b) => a.allocation!.range.start - b.allocation!.range.start);
    this.allocationsById = index;
    return index;
  }

  // ---- placement helpers ----

  keyRange(path: Path): OffsetRange | undefined {
    return this.model.keyRange(path);
  }

  /** The first of the candidate key paths that exists, else the `crmteam` key (the placement chain,
   * ARCHITECTURE.md "Decided edge cases"). */
  anchor(...paths: Path[]): OffsetRange {
    for (const path of paths) {
      const range = this.model.keyRange(path);
      if (range) return range;
    }
    return this.model.firstKeyRange();
  }

  /**
   * Whether the mapping at `path` has a misspelling of `key` (`itowner:` for `itOwner`): the schema rule reports that
   * key with a "did you mean" fix, so rules about the missing key stay quiet (one mistake, one finding).
   */
  hasMisspeltKey(path: Path, key: string, allowed: readonly string[]): boolean {
    const map = this.mapAt(path);
    if (!map) return false;
    return map.items.some((pair) => {
      const name = keyName(pair.key);
      return name !== key && !allowed.includes(name) && closest(name, allowed, 2)[0] === key;
    });
  }

  /** The mapping at `path`, if the value there is a mapping. */
  mapAt(path: Path): YAMLMap<unknown, unknown> | undefined {
    const node = this.model.nodeAt(path);
    return isMap(node) ? node : undefined;
  }

  // ---- readers ----

  private readProject(): Project {
    const get = (key: string) => this.scalarValue(['project', key]);
    const name = get('name');
    const integrations = this.model.nodeAt(['project', 'integrations']);
    return {
      ...(typeof name === 'string' && name.length > 0 ? { name } : {}),
      companySize: pick(COMPANY_SIZES, get('companySize'), PROJECT_DEFAULTS.companySize),
      ...(isOneOf(DEPLOYMENT_SIZES, get('deploymentSize')) ? { deploymentSize: get('deploymentSize') as DeploymentSize } : {}),
      delivery: pick(DELIVERIES, get('delivery'), PROJECT_DEFAULTS.delivery),
      scope: pick(SCOPES, get('scope'), PROJECT_DEFAULTS.scope),
      complexity: pick(COMPLEXITIES, get('complexity'), PROJECT_DEFAULTS.complexity),
      customerFacing: typeof get('customerFacing') === 'boolean' ? (get('customerFacing') as boolean) : PROJECT_DEFAULTS.customerFacing,
      integrations: isSeq(integrations)
        ? integrations.items.flatMap((item) => {
          const node = this.model.resolve(item as Node);
          return isScalar(node) && typeof node.value === 'string' && node.value.length > 0 ? [node.value] : [];
        })
        : [],
      phase: pick(PHASES, get('phase'), PROJECT_DEFAULTS.phase),
    };
  }

  private readPeople(): void {
    const people = this.mapAt(['people']);
    if (!people) return;
    for (const pair of people.items) {
      const id = keyName(pair.key);
      const keyRange = rangeOf(pair.key);
      if (id === '' || !keyRange) continue;
      const node = this.model.resolve(pair.value as Node);
      const field = (key: string): unknown => {
        if (!isMap(node)) return undefined;
        const value = this.model.resolve(lastPair(node, key)?.value as Node | undefined);
        return isScalar(value) ? value.value : undefined;
      };
      const text = (key: string) => {
        const value = field(key);
        return typeof value === 'string' && value.length > 0 ? value : undefined;
      };
      const name = text('name');
      const title = text('title');
      const organization = text('organization');
      const email = text('email');
      // Duplicate ids: the last definition wins, as in the plain value.
      this.people.set(id, {
        id,
        keyRange,
        path: ['people', id],
        ...(name !== undefined ? { name } : {}),
        ...(title !== undefined ? { title } : {}),
        department: pick(DEPARTMENTS, field('department'), 'other'),
        affiliation: pick(AFFILIATIONS, field('affiliation'), 'internal'),
        ...(organization !== undefined ? { organization } : {}),
        ...(email !== undefined ? { email } : {}),
      });
    }
  }

  private readRoles(): Roles {
    const single = new Map<SingleRole, Assignment>();
    const lists = new Map<ListRole, Assignment[]>();
    const technicalStaff = new Map<TechFunction, Assignment[]>();
    const roles = this.mapAt(['roles']);
    if (roles) {
      for (const role of SINGLE_ROLES) {
        const assignment = this.readAssignment(['roles', role], { section: 'roles', key: role });
        if (assignment) single.set(role, assignment);
      }
      for (const role of LIST_ROLES) {
        lists.set(role, this.readAssignmentList(['roles', role], { section: 'roles', key: role }));
      }
      if (this.mapAt(['roles', 'technicalStaff'])) {
        for (const fn of TECH_FUNCTIONS) {
          const path = ['roles', 'technicalStaff', fn];
          if (this.model.pairAt(path)) {
            technicalStaff.set(fn, this.readAssignmentList(path, { section: 'roles', key: 'technicalStaff', field: fn }));
          }
        }
      }
    }
    return { single, lists, technicalStaff };
  }

  private readIntegrator(): Integrator | undefined {
    const path = ['partners', 'integrator'];
    const map = this.mapAt(path);
    const keyRange = this.model.keyRange(path);
    if (!map || !keyRange) return undefined;
    const organization = this.scalarValue([...path, 'organization']);
    const lead = this.readRef([...path, 'lead'], { section: 'partners', key: 'integrator', field: 'lead' });
    const full = this.scalarValue([...path, 'providesFullSupport']);
    const fullRange = this.model.valueRange([...path, 'providesFullSupport']);
    return {
      keyRange,
      path,
      ...(typeof organization === 'string' ? { organization } : {}),
      ...(lead ? { lead } : {}),
      providesFullSupport: full === true,
      ...(full === true && fullRange ? { providesFullSupportRange: fullRange } : {}),
    };
  }

  private readVendor(): Vendor | undefined {
    const path = ['partners', 'vendor'];
    const map = this.mapAt(path);
    const keyRange = this.model.keyRange(path);
    if (!map || !keyRange) return undefined;
    const organization = this.scalarValue([...path, 'organization']);
    const projectManager = this.readRef([...path, 'projectManager'], { section: 'partners', key: 'vendor', field: 'projectManager' });
    const technicalContact = this.readRef([...path, 'technicalContact'], { section: 'partners', key: 'vendor', field: 'technicalContact' });
    return {
      keyRange,
      path,
      ...(typeof organization === 'string' ? { organization } : {}),
      ...(projectManager ? { projectManager } : {}),
      ...(technicalContact ? { technicalContact } : {}),
    };
  }

  private readActivities(): void {
    if (!this.mapAt(['activities'])) return;
    for (const name of ACTIVITIES) {
      const path = ['activities', name];
      const keyRange = this.model.keyRange(path);
      // An activity whose value is not a mapping is not defined (ARCHITECTURE.md, "Decided edge cases").
      if (!keyRange || !this.mapAt(path)) continue;
      const owner = this.readRef([...path, 'owner'], { section: 'activities', key: name, field: 'owner' });
      const participants = this.readRefList([...path, 'participants'], { section: 'activities', key: name, field: 'participants' });
      const loadTesting = name === 'testing'
        ? this.readRef([...path, 'loadTesting'], { section: 'activities', key: name, field: 'loadTesting' })
        : undefined;
      const memberIds = new Set<string>();
      for (const ref of [owner, ...participants, loadTesting]) if (ref) memberIds.add(ref.id);
      this.activities.set(name, {
        name,
        keyRange,
        path,
        ...(owner ? { owner } : {}),
        participants,
        ...(loadTesting ? { loadTesting } : {}),
        memberIds,
      });
    }
  }

  private readAssignmentList(path: Path, context: RefContext): Assignment[] {
    const node = this.model.nodeAt(path);
    if (!isSeq(node)) return [];
    const list: Assignment[] = [];
    node.items.forEach((_, index) => {
      const assignment = this.readAssignment([...path, index], context);
      if (assignment) list.push(assignment);
    });
    return list;
  }

  /** A bare person id, or a mapping with `person`, `allocation` and (for business owners) `function`. */
  private readAssignment(path: Path, context: RefContext): Assignment | undefined {
    const node = this.model.nodeAt(path);
    const range = rangeOf(node);
    if (!node || !range) return undefined;
    if (isScalar(node)) {
      const ref = this.readRef(path, context);
      return ref ? { ref, range, path } : undefined;
    }
    if (!isMap(node)) return undefined;
    const ref = this.readRef([...path, 'person'], context);
    const allocationText = this.scalarValue([...path, 'allocation']);
    const allocationRange = this.model.valueRange([...path, 'allocation']);
    const fn = this.scalarValue([...path, 'function']);
    return {
      ...(ref ? { ref } : {}),
      // An allocation that breaks the pattern is not stated (ARCHITECTURE.md, "Decided edge cases").
      ...(typeof allocationText === 'string' && ALLOCATION_PATTERN.test(allocationText) && allocationRange
        ? { allocation: { percent: Number.parseInt(allocationText, 10), range: allocationRange } }
        : {}),
      ...(context.key === 'businessOwners' && isOneOf(BUSINESS_DEPARTMENTS, fn) ? { businessFunction: fn } : {}),
      range,
      path,
    };
  }

  private readRefList(path: Path, context: RefContext): PersonRef[] {
    const node = this.model.nodeAt(path);
    if (!isSeq(node)) return [];
    const refs: PersonRef[] = [];
    node.items.forEach((_, index) => {
      const ref = this.readRef([...path, index], context);
      if (ref) refs.push(ref);
    });
    return refs;
  }

  /** A person reference: a non-empty string scalar. Every reference read is recorded in `references`. */
  private readRef(path: Path, context: RefContext): PersonRef | undefined {
    const node = this.model.nodeAt(path);
    if (!isScalar(node) || typeof node.value !== 'string' || node.value.length === 0) return undefined;
    const range = rangeOf(node);
    if (!range) return undefined;
    const ref: PersonRef = { id: node.value, range, path, context };
    this.references.push(ref);
    return ref;
  }

  private scalarValue(path: Path): unknown {
    const node = this.model.nodeAt(path);
    return isScalar(node) ? node.value : undefined;
  }
}

function pick<T extends string>(values: readonly T[], value: unknown, fallback: T): T {
  return isOneOf(values, value) ? value : fallback;
}

