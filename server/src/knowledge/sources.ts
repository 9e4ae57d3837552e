// The five source articles the rules and the guidance texts rest on, numbered 000 to 004. The repository does not
// carry the articles: test/fixtures/seeds-shingles.json holds hashes of their word runs for the copy test.
// Titles, authors and publishers are taken from the articles themselves; the summaries are our own words.
// Every guidance text in this folder names the articles it rests on by id, and `cite` turns ids into the
// citation line that hovers, completion items and rule pages end with.

export type SourceId = '000' | '001' | '002' | '003' | '004';

export const SOURCE_IDS: readonly SourceId[] = ['000', '001', '002', '003', '004'];

export interface Source {
  readonly id: SourceId;
  readonly title: string;
  readonly author?: string;
  readonly publisher?: string;
  /** When the article was published, as precisely as the article says (ISO-like: `2007-12`, `2010-12-15`). */
  readonly date?: string;
  /** What the article argues, in our own words. */
  readonly summary: string;
}

const SOURCE_LIST: readonly Source[] = [
  {
    id: '000',
    title: 'CRM team: The IT Owner',
    publisher: 'E-articles directory',
    summary:
      'Portrays the IT owner as the technical opposite number of the business owners. This person brings the ' +
      'technical view into requirements and tool choice, vets candidate products and integrators, lines up IT ' +
      'people and checks the integrator’s work during implementation, prepares support before go-live, and keeps ' +
      'the system looked after for its whole life. Explains why a CIO is seldom the right day-to-day choice and ' +
      'how the time needed grows with in-house work and project size.',
  },
  {
    id: '001',
    title: "What's the Place of IT in CRM Initiatives",
    author: 'Carla Indago',
    publisher: 'Webworldarticles.com',
    date: '2007',
    summary:
      'Argues that a CRM initiative needs IT but must not be run by it. Business users rarely have the technical ' +
      'depth to judge and implement a system alone; IT nearly always administers the machines, databases and ' +
      'network involved; and IT is where a company-wide CRM plan can grow. Yet the business has to lead, because ' +
      'adoption depends on the users. Business and IT should work side by side, each in its own field.',
  },
  {
    id: '002',
    title: 'CRM team: The Technical Staffers',
    author: 'Lidia Tahuk',
    publisher: 'E-articles directory',
    date: '2007-12',
    summary:
      'Covers the technical team of a CRM project: its part in requirements and in choosing the tool and the ' +
      'integrator, and its work during implementation (configuration, installation, customisation, integration, ' +
      'testing and support). Lists the technical functions a project draws on, and explains why in-house staff ' +
      'must stay closely involved even when an integrator does most of the building.',
  },
  {
    id: '003',
    title: 'CRM and the IT Department',
    author: 'David Hagerman',
    publisher: 'Hagerman & Company, Inc.',
    date: '2006',
    summary:
      'A consultant’s view of where IT’s job in a CRM rollout ends. IT supplies and configures the infrastructure ' +
      'and helps choose the software, but the daily users should lead that choice, the people who own the data ' +
      'should vet what is migrated, managers must enforce data-entry discipline, and training should come from ' +
      'people who know the trainees’ work.',
  },
  {
    id: '004',
    title: 'Whose job is it anyway? (ownership that is!)',
    publisher: 'OpenCRM (news post)',
    date: '2010-12-15',
    summary:
      'A CRM supplier on who should own a rollout. Besides the supplier’s own project team, the customer needs ' +
      'an internal CRM champion, whose qualities the post lists, and someone who keeps watching and planning once ' +
      'the first delivery is done. The supplier promises every customer an experienced lead for the project and ' +
      'a named technical contact.',
  },
];

export const SOURCES: ReadonlyMap<SourceId, Source> = new Map(SOURCE_LIST.map((s) => [s.id, s]));

/**
 * The citation line for a piece of guidance, e.g. `Source: “CRM team: The IT Owner” (article 000)`.
 * Several ids give `Sources: “…” (article 000); “…” (article 002)`, in the order given, without repeats.
 * No ids give the empty string.
 */
export function cite(ids: readonly SourceId[]): string {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return '';
  const parts = unique.map((id) => {
    const source = SOURCES.get(id);
    return source ? `“${source.title}” (article ${id})` : `article ${id}`;
  });
  return `${unique.length === 1 ? 'Source' : 'Sources'}: ${parts.join('; ')}`;
}
