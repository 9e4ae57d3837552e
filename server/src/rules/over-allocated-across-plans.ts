// Flags a person whose stated allocations across the plans of one scope add up to more than the configuration's
// capacity, in every plan concerned, with related information at the allocations in the other plans.

import type { AllocationFact } from '../plan/facts';
import { defineScopeRule, MAX_RELATED_PLACES } from './rule';

/** Up to this many plans, the message names each one with its allocation; beyond, the largest this many less one. */
const LISTED_PLANS = 6;

export default defineScopeRule({
  meta: {
    id: 'over-allocated-across-plans',
    category: 'structure',
    defaultSeverity: 'warning',
    fixable: 'none',
    sources: ['000', '002'],
    docs: {
      summary: 'A person\'s stated allocations across all plans of one configuration add up to at most its `capacity` (100% by default).',
      rationale:
        'Several CRM projects are often staffed by the same few people: the same IT owner, the same database ' +
        'administrator. Each plan on its own can look sound while together they ask for more than a working week. ' +
        '"CRM team: The IT Owner" (000) treats the IT owner\'s time as something each project must plan for, up to ' +
        'a full-time role on large or in-house projects, and "CRM team: The Technical Staffers" (002) warns that ' +
        'even a specialist\'s few days must not be skipped. A person counted twice gives neither project that time. ' +
        'The rule runs only where a `crmteam.config.yaml` says that the plans belong together.',
      howToFix:
        'Lower an allocation in one of the plans, or give one of the roles to someone else. The finding appears at ' +
        'each of the person\'s allocations in every plan concerned and points at the others. When one plan alone ' +
        'exceeds 100%, `over-allocated` reports it instead. A different limit is set with `capacity` in the configuration. ' +
        `When the person is in many plans, the finding names the largest allocations and points at the ${MAX_RELATED_PLACES} largest ` +
        'elsewhere; hovering the id in an editor, or `crmteam report`, shows all of them.',
      bad:
        '# file: crmteam.config.yaml\ncrmteam-config: 1\nroster: people.yaml\n' +
        '# file: people.yaml\ncrmteam-roster: 1\npeople:\n  jdoe: { name: John Doe, department: it }\n' +
        '# file: sales.crmteam.yaml\ncrmteam: 1\nproject:\n  name: Sales CRM\nroles:\n  itOwner: { person: jdoe, allocation: 60% }\n' +
        '# file: service.crmteam.yaml\ncrmteam: 1\nproject:\n  name: Service desk\nroles:\n  itOwner: { person: jdoe, allocation: 50% }\n',
      good:
        '# file: crmteam.config.yaml\ncrmteam-config: 1\nroster: people.yaml\n' +
        '# file: people.yaml\ncrmteam-roster: 1\npeople:\n  jdoe: { name: John Doe, department: it }\n' +
        '# file: sales.crmteam.yaml\ncrmteam: 1\nproject:\n  name: Sales CRM\nroles:\n  itOwner: { person: jdoe, allocation: 50% }\n' +
        '# file: service.crmteam.yaml\ncrmteam: 1\nproject:\n  name: Service desk\nroles:\n  itOwner: { person: jdoe, allocation: 50% }\n',
    },
  },
  checkScope({ plans, roster, capacity, report }) {
    const byId = new Map<string, { file: string; allocation: AllocationFact }[]>();
    const names = new Map<string, string>();
    for (const person of roster?.facts.people ?? []) if (person.name) names.set(person.id, person.name);
    for (const { file, facts } of plans) {
      for (const person of facts.people) if (person.name && !names.has(person.id)) names.set(person.id, person.name);
      for (const allocation of facts.allocations) {
        const list = byId.get(allocation.id);
        if (list) list.push({ file, allocation });
        else byId.set(allocation.id, [{ file, allocation }]);
      }
    }
    for (const [id, entries] of byId) {
      const perPlan = new Map<string, number>();
      for (const { file, allocation } of entries) perPlan.set(file, (perPlan.get(file) ?? 0) + allocation.percent);
      // One plan over 100% is `over-allocated`'s finding; two plans need not repeat it.
      if ([...perPlan.values()].some((total) => total > 100)) continue;
      const total = [...perPlan.values()].reduce((sum, n) => sum + n, 0);
      if (total <= capacity) continue;
      const name = names.get(id);
      const who = name ? `${name} (\`${id}\`)` : `\`${id}\``;
      const listed = perPlan.size <= LISTED_PLANS ? [...perPlan] : largestFirst([...perPlan], ([, n]) => n).slice(0, LISTED_PLANS - 1);
      const parts = listed.map(([file, n]) => `${n}% in ${file}`).join(', ') + (listed.length < perPlan.size ? `, and ${perPlan.size - listed.length} more plans` : '');
      const plural = perPlan.size === 1 ? 'plan' : 'plans';
      const message = `${who} is allocated ${total}% in total across ${perPlan.size} ${plural} that share a configuration (${parts}), more than the capacity of ${capacity}%. Lower an allocation, here or in another plan, or hand a role to someone else.`;
      // Made once per person, not once per finding: in a large scope each place is related to many findings. (A related
      // place's message need not name its file: every client shows the place's file beside it.)
      const place = new Map(entries.map((e) => [e, { file: e.file, at: e.allocation.at, message: `${e.allocation.percent}% as ${e.allocation.role}` }]));
      const related = relatedPlaces(entries);
      for (const entry of entries) report(entry.file, { at: entry.allocation.at, message, related: related(entry).map((other) => place.get(other)!) });
    }
  },
});

/** Sorted by `size`, largest first; equal sizes keep their order. */
function largestFirst<T>(items: readonly T[], size: (item: T) => number): T[] {
  return items.map((item, i) => ({ item, i })).sort((a, b) => size(b.item) - size(a.item) || a.i - b.i).map((x) => x.item);
}

type Entry = { file: string; allocation: AllocationFact };

/**
 * For each of a person's allocations, the others a finding points at: every other one, or, when there are more than
 * `MAX_RELATED_PLACES`, the largest of them, in their order in the scope. Linear in the number of allocations: all
 * but the largest few share one list.
 */
function relatedPlaces(entries: readonly Entry[]): (entry: Entry) => Entry[] {
  if (entries.length <= MAX_RELATED_PLACES + 1) return (entry) => entries.filter((other) => other !== entry);
  const order = new Map(entries.map((e, i) => [e, i]));
  const inScopeOrder = (list: Entry[]) => list.sort((a, b) => order.get(a)! - order.get(b)!);
  const ranked = largestFirst(entries, (e) => e.allocation.percent).slice(0, MAX_RELATED_PLACES + 1);
  const shared = inScopeOrder(ranked.slice(0, MAX_RELATED_PLACES));
  return (entry) => (ranked.includes(entry) ? inScopeOrder(ranked.filter((other) => other !== entry).slice(0, MAX_RELATED_PLACES)) : shared);
}
