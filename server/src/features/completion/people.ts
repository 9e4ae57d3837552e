// Person ids at every place that takes a person: role values and assignment `person`, the items of role lists and
// technical functions, activity owners, participants and load testing, and the partner contacts. The people who fit
// the place come first (IT people for IT roles, business people for business roles, the partner's own staff for
// partner contacts); ids already in the same list are left out.

import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import type { Analysis } from '../../engine/analyze';
import type { Path } from '../../model/yamlModel';
import type { Plan, RefContext } from '../../plan/plan';
import { isOneOf, LIST_ROLES, SINGLE_ROLES, TECH_FUNCTIONS } from '../../format/vocabulary';
import { personCard, personSummary } from '../personCard';
import type { FeatureContext } from '../context';
import type { CursorContext } from './context';
import { personIds, replace } from './edit';

/** A place that takes a person id. */
export interface Slot {
  readonly context: RefContext;
  /** The list the id goes into, when it is one (its other ids are not offered again). */
  readonly list?: Path;
  /** The cursor is on the value of a list key (`superUsers: `): the id goes in as `[id]`. */
  readonly wrap: boolean;
}

const ROLE_LISTS: readonly string[] = [...LIST_ROLES];

function listSlot(list: Path): Slot | undefined {
  const [section, a, b, c] = list;
  if (section === 'roles' && list.length === 2 && ROLE_LISTS.includes(String(a))) {
    return { context: { section: 'roles', key: String(a) }, list, wrap: false };
  }
  if (section === 'roles' && a === 'technicalStaff' && list.length === 3 && isOneOf(TECH_FUNCTIONS, b)) {
    return { context: { section: 'roles', key: 'technicalStaff', field: b }, list, wrap: false };
  }
  if (section === 'activities' && list.length === 3 && b === 'participants' && c === undefined) {
    return { context: { section: 'activities', key: String(a), field: 'participants' }, list, wrap: false };
  }
  return undefined;
}

/** The slot for a value at `path`, or for a new item of the list at `path`. */
export function slotAt(path: Path, item: boolean): Slot | undefined {
  if (item) return listSlot(path);
  const last = path[path.length - 1];
  // `person` of an assignment mapping, or a list item written as a bare value.
  if (last === 'person' || typeof last === 'number') {
    const base = path.slice(0, last === 'person' ? -1 : undefined);
    const tail = base[base.length - 1];
    if (typeof tail === 'number') return listSlot(base.slice(0, -1));
    if (last === 'person' && base.length === 2 && base[0] === 'roles' && isOneOf(SINGLE_ROLES, base[1])) {
      return { context: { section: 'roles', key: base[1] }, wrap: false };
    }
    return undefined;
  }
  const [section, a, b] = path;
  if (section === 'roles' && path.length === 2 && isOneOf(SINGLE_ROLES, a)) return { context: { section: 'roles', key: a }, wrap: false };
  const asList = listSlot(path);
  if (asList) return { ...asList, wrap: true };
  if (section === 'activities' && path.length === 3 && (b === 'owner' || (b === 'loadTesting' && a === 'testing'))) {
    return { context: { section: 'activities', key: String(a), field: b }, wrap: false };
  }
  if (section === 'partners' && path.length === 3) {
    if ((a === 'integrator' && b === 'lead') || (a === 'vendor' && (b === 'projectManager' || b === 'technicalContact'))) {
      return { context: { section: 'partners', key: a, field: b }, wrap: false };
    }
  }
  return undefined;
}

const IT_ACTIVITY_OWNERS = new Set(['installation', 'environments', 'integration']);
const BUSINESS_ACTIVITY_OWNERS = new Set(['requirements', 'toolSelection', 'training', 'dataQuality', 'dataMigration', 'vision']);
const BUSINESS_ROLES = new Set(['executiveSponsor', 'businessOwners', 'champion', 'superUsers', 'trainers']);
const IT_ROLES = new Set(['itOwner', 'technicalStaff', 'supportTeam']);

/** 0: fits the place; 1: possible; 2: unlikely (wrong side, or already the activity's owner). */
function fit(plan: Plan, slot: Slot, id: string): number {
  const { section, key, field } = slot.context;
  const person = plan.person(id);
  if (section === 'partners') {
    const wanted = key === 'integrator' ? 'integrator' : 'vendor';
    return person?.affiliation === wanted ? 0 : plan.isExternal(id) ? 1 : 2;
  }
  const itPlace = (section === 'roles' && IT_ROLES.has(key))
    || (section === 'activities' && ((field === 'owner' && IT_ACTIVITY_OWNERS.has(key)) || field === 'loadTesting'));
  const businessPlace = (section === 'roles' && BUSINESS_ROLES.has(key))
    || (section === 'activities' && field === 'owner' && BUSINESS_ACTIVITY_OWNERS.has(key));
  if (itPlace) return plan.isITSide(id) ? 0 : plan.isExternal(id) ? 2 : 1;
  if (businessPlace) {
    if (plan.isBusinessSide(id) || (key === 'executiveSponsor' && person?.department === 'executive')) return 0;
    return plan.isExternal(id) || plan.isITSide(id) ? 2 : 1;
  }
  if (section === 'activities' && field === 'participants') return participantFit(plan, key, id);
  return 1;
}

/** Activities whose checks ask for IT among the members, and those that ask for the business side. */
const NEEDS_IT = new Set(['requirements', 'toolSelection', 'integration', 'environments', 'dataMigration', 'customization']);
const NEEDS_BUSINESS = new Set(['dataMigration']);

/** Participants: the side the activity still lacks comes first; its owner is the least likely. */
function participantFit(plan: Plan, key: string, id: string): number {
  const activity = plan.activities.get(key as never);
  if (activity?.owner?.id === id) return 2;
  const members = [...(activity?.memberIds ?? [])];
  const lacksIT = NEEDS_IT.has(key) && !members.some((m) => plan.isITSide(m));
  const lacksBusiness = NEEDS_BUSINESS.has(key) && !members.some((m) => plan.isBusinessSide(m));
  if ((lacksIT && plan.isITSide(id)) || (lacksBusiness && plan.isBusinessSide(id))) return 0;
  return 1;
}

/** Valid ids of the defined people, those who fit the slot first: the choices of a person placeholder. */
export function rankedIds(plan: Plan, slot: Slot | undefined): string[] {
  const ids = personIds(plan);
  if (!slot) return ids;
  const rank = new Map(ids.map((id) => [id, fit(plan, slot, id)]));
  return ids.map((id, index) => ({ id, index })).sort((a, b) => rank.get(a.id)! - rank.get(b.id)! || a.index - b.index).map((x) => x.id);
}

/** Ids already in the list at `list`, besides the one under the cursor. */
function idsInList(plan: Plan, list: Path, offset: number): Set<string> {
  const ids = new Set<string>();
  for (const ref of plan.references) {
    if (ref.range.start <= offset && offset <= ref.range.end) continue;
    const rest = ref.path.slice(list.length);
    const inList = list.every((s, i) => ref.path[i] === s)
      && typeof rest[0] === 'number' && (rest.length === 1 || (rest.length === 2 && rest[1] === 'person'));
    if (inList) ids.add(ref.id);
  }
  return ids;
}

export function personItems(analysis: Analysis, cursor: CursorContext, slot: Slot, offset: number, ctx: FeatureContext): CompletionItem[] {
  const { plan } = analysis;
  const taken = new Set(cursor.kind === 'item' ? cursor.present : []);
  if (slot.list) for (const id of idsInList(plan, slot.list, offset)) taken.add(id);
  taken.delete(cursor.word.text);
  const people = plan.peopleInOrder().filter((p) => !taken.has(p.id));
  const ranks = people.map((p) => fit(plan, slot, p.id));
  const best = ranks.indexOf(0);
  return people.map((person, index): CompletionItem => {
    const id = person.id;
    const rank = ranks[index]!;
    const newText = slot.wrap ? `[${id}]` : id;
    return {
      label: id,
      kind: CompletionItemKind.Reference,
      detail: personSummary(plan, id),
      documentation: { kind: 'markdown', value: personCard(plan, id) },
      sortText: `${rank}${String(index).padStart(5, '0')}`,
      filterText: id,
      ...(index === best ? { preselect: true } : {}),
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: replace(cursor, `${cursor.lead}${newText}`, ctx),
    };
  });
}
