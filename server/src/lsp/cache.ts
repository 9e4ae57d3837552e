// The analysis source that works on the calling thread (analysisSource.ts): one analysis per document version and
// inputs stamp, made on demand and shared by diagnostics, code actions, navigation, hover and completion. The cache is
// an optimisation: a miss simply analyses again, and the same text with the same inputs always gives the same
// result. Work for a version that is no longer the newest is dropped. No Node-only code: the web server uses it too.

import {
  analyzeDocument, InputStamps, resultIdOf,
  type AnalysisHandle, type AnalysisSource, type AnalysisSourceOptions, type Cancellation, type SourceDocument,
} from './analysisSource';
import { StaleRequest } from './handler';
import { FEATURES, runDocumentRequest, type Features, type Found } from './requests';

/** Above this many characters the source yields to the event loop before analysing, so cancellation gets through. */
const YIELD_ABOVE_LENGTH = 20_000;

/** How often an analysis is retried when the inputs change while they are fetched, before it is made anyway. */
const INPUT_RETRIES = 3;

interface Entry {
  readonly found: Found;
  readonly version: number;
  readonly stamp: number;
}

interface Tracked {
  document: SourceDocument;
  /** The newest analysis made with the newest inputs known when it was stored. */
  entry?: Entry;
}

export interface LocalAnalysisSourceOptions extends AnalysisSourceOptions {
  /** The feature functions requests run; tests replace one. */
  readonly features?: Features;
  /** Shared with another source that takes over some documents, so result ids never repeat across them. */
  readonly stamps?: InputStamps;
}

export class LocalAnalysisSource implements AnalysisSource {
  private readonly tracked = new Map<string, Tracked>();
  private readonly stamps: InputStamps;
  private readonly features: Features;

  constructor(private readonly options: LocalAnalysisSourceOptions) {
    this.stamps = options.stamps ?? new InputStamps();
    this.features = options.features ?? FEATURES;
  }

  update(document: SourceDocument): void {
    const tracked = this.tracked.get(document.uri);
    if (tracked) tracked.document = document;
    else this.tracked.set(document.uri, { document });
  }

  has(uri: string): boolean {
    return this.tracked.has(uri);
  }

  async newest(uri: string, token?: Cancellation): Promise<AnalysisHandle | undefined> {
    const first = this.tracked.get(uri);
    if (!first) return undefined;
    const document = first.document;
    for (let attempt = 0; ; attempt++) {
      const stamp = this.stamps.of(uri);
      const hit = this.hit(uri, document, stamp);
      if (hit) return hit;
      const inputs = await this.options.inputsFor(uri);
      if (document.text.length > YIELD_ABOVE_LENGTH) await yieldToEventLoop();
      if (token?.isCancellationRequested) throw new StaleRequest('cancelled');
      // A newer version arrived, or the document was forgotten, while we waited.
      if (this.tracked.get(uri)?.document !== document) throw new StaleRequest('stale');
      // The inputs changed while they were fetched: fetch them again rather than analyse with old ones.
      if (stamp !== this.stamps.of(uri) && attempt < INPUT_RETRIES) continue;
      const again = this.hit(uri, document, this.stamps.of(uri));
      if (again) return again;
      const entry: Entry = { found: analyzeDocument(document, inputs, this.options.log), version: document.version, stamp };
      // Labelled with the stamp read before the inputs were fetched, so that it is never served as current after the
      // inputs changed once more (the retries above give up after a few changes in a row). Only the newest is kept.
      if (stamp === this.stamps.of(uri)) this.tracked.get(uri)!.entry = entry;
      return this.handle(uri, entry);
    }
  }

  freshest(uri: string, token?: Cancellation): Promise<AnalysisHandle | undefined> {
    return this.newest(uri, token);
  }

  invalidate(uri: string): void {
    this.stamps.invalidate(uri);
  }

  invalidateAll(): void {
    this.stamps.invalidateAll();
  }

  forget(uri: string): void {
    this.tracked.delete(uri);
  }

  dispose(): void {
    this.tracked.clear();
  }

  private hit(uri: string, document: SourceDocument, stamp: number): AnalysisHandle | undefined {
    const tracked = this.tracked.get(uri);
    const entry = tracked?.entry;
    if (!tracked || tracked.document !== document || !entry || entry.version !== document.version || entry.stamp !== stamp) return undefined;
    return this.handle(uri, entry);
  }

  private handle(uri: string, entry: Entry): AnalysisHandle {
    return {
      uri,
      version: entry.version,
      resultId: resultIdOf(entry.version, entry.stamp),
      // The entry is held by the handle: it answers from its own analysis even after a newer one replaced it.
      run: async (method, params, support) => runDocumentRequest(method, entry.found, params, support, this.features),
    };
  }
}

/** `setImmediate` where there is one (Node); a zero timeout elsewhere (browsers). */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}
