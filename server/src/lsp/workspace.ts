// The workspace index (README, "Many plans"): every plan, configuration and roster in the workspace
// folders, each plan's scope, the findings of the plans that are not open, and the cross-plan findings of every plan.
// It answers `workspace/diagnostic` with result ids and `unchanged` reports and holds the request open until
// something changes, so an idle server does no work. No Node-only code: files are read through `WorkspaceFiles`.

import {
  DiagnosticSeverity, DocumentDiagnosticReportKind,
  type Diagnostic, type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { Finding } from '../core/finding';
import { ruleLevelsFromObject, type RuleLevels } from '../core/ruleOptions';
import { effectiveLevels } from '../engine/analyze';
import { DEFAULT_SETTINGS, type Settings } from '../common/settings';
import { settingsDiagnostics } from '../features/settingsFile';
import { ruleDocsHref } from '../features/context';
import { DIAGNOSTIC_SOURCE } from '../common/protocol';
import { analyzeConfig, CONFIG_FILE_NAME, type ConfigAnalysis } from '../scope/config';
import { checkScope, type ScopeFinding } from '../scope/checkScope';
import type { PlanFacts } from '../plan/facts';
import { isIgnored, isPlanFileName } from '../scope/folder';
import { analyzeRoster, type Roster } from '../scope/roster';
import { featureContext } from './convert';
import { LineIndex } from '../core/lines';
import { localPlanChecker, type PlanChecker } from './analysisSource';
import { describeError } from './handler';

/** File access for the index: the Node server reads the disk; a web client could hand texts over instead. */
export interface WorkspaceFiles {
  /** The URIs of every plan (`*.crmteam.yaml`, `*.crmteam.yml`) and `crmteam.config.yaml` under a folder. */
  list(folderUri: string): Promise<string[]>;
  /** A file's text; `undefined` when it cannot be read. */
  read(uri: string): Promise<string | undefined>;
  /** Whether this file access reaches `uri` at all (Node's disk: `file:` only); everything, when left out. */
  handles?(uri: string): boolean;
}

export interface WorkspaceIndexOptions {
  readonly files: WorkspaceFiles;
  readonly settingsFor: (uri: string) => Promise<Settings>;
  readonly docsBase: () => string;
  readonly log: (message: string) => void;
  /** Open documents whose cross-plan findings or inputs changed: the server re-checks or refreshes them. */
  readonly onOpenChanged: (uris: readonly string[], inputsChanged: boolean) => void;
  /** Checks the plans that are not open; on the calling thread by default (Node passes worker threads). */
  readonly checker?: PlanChecker;
}

/** How many closed plans are read and checked at once while the workspace is indexed. */
const CHECKS_AT_ONCE = 16;

interface PlanEntry {
  readonly uri: string;
  /** The configuration that covers the plan, when there is one in its workspace folder. */
  configUri?: string;
  ignored: boolean;
  open: boolean;
  facts?: PlanFacts;
  /** For an open plan, the document version `facts` come from. */
  factsVersion?: number;
  /** The plan's own findings as diagnostics, for a closed plan (open plans get document diagnostics). */
  own: Diagnostic[];
  /** Changes exactly when `own` does (a number from the index's one counter): part of the report's key. */
  ownStamp: number;
}

interface ScopeEntry {
  readonly configUri: string;
  text?: string;
  analysis?: ConfigAnalysis;
  rosterUri?: string;
  rosterText?: string;
  roster?: Roster;
  /** The configuration's and the roster's own diagnostics, made when they are read. */
  configItems: Diagnostic[];
  rosterItems: Diagnostic[];
  /** Cross-plan findings by plan URI, from the newest facts. */
  cross: Map<string, ScopeFinding[]>;
  /**
   * For each plan of the scope, a number that changes exactly when its cross-plan findings do (from the index's one
   * counter, so a plan moving to another scope never meets an old number): part of result ids.
   */
  crossStamps: Map<string, number>;
  /** Bumped whenever the configuration or roster is read again. */
  version: number;
  /** The person's `crmteam.rules` for the configuration's folder: they apply to the cross-plan rules too. */
  overrides: RuleLevels;
  /** URIs of the files the scope names (relative to the configuration's folder). */
  readonly uris: Map<string, string>;
}

/** A reported file: its result id changes when its items do, which its key (made of stamps) tells. */
interface Reported {
  key: string;
  resultId: string;
  items: Diagnostic[];
}

export class WorkspaceIndex {
  private folders: string[] = [];
  private readonly plans = new Map<string, PlanEntry>();
  private readonly scopes = new Map<string, ScopeEntry>();
  private readonly reported = new Map<string, Reported>();
  private counter = 0;
  /** The one counter behind every stamp. */
  private stamps = 0;
  private readonly checker: PlanChecker;
  private wakeScheduled = false;
  private waiters: (() => void)[] = [];
  private scanned: Promise<void> = Promise.resolve();
  private configsRead: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(private readonly options: WorkspaceIndexOptions) {
    this.checker = options.checker ?? localPlanChecker(options.log);
  }

  /** Starts indexing the folders (workspace folder URIs, without a trailing slash). */
  start(folders: readonly string[]): void {
    this.folders = folders.map((f) => f.replace(/\/+$/, ''));
    let configsDone!: () => void;
    this.configsRead = new Promise((resolve) => { configsDone = resolve; });
    this.scanned = this.scan(configsDone).catch((error: unknown) => {
      configsDone();
      this.options.log(`Indexing the workspace failed: ${String(error)}`);
    });
  }

  /** Resolves when every plan has been read once (tests, the benchmark). */
  whenScanned(): Promise<void> {
    return this.scanned;
  }

  private async scan(configsDone: () => void): Promise<void> {
    const uris: string[] = [];
    for (const folder of this.folders) uris.push(...await this.options.files.list(folder));
    for (const uri of uris.filter((u) => basename(u) === CONFIG_FILE_NAME)) await this.loadScope(uri);
    for (const uri of uris.filter((u) => isPlanFileName(basename(u)))) this.placePlan(uri);
    configsDone();
    await this.readAllClosed([...this.plans.values()]);
    // Open plans were checked before their siblings were read: their cross-plan findings are new.
    if (this.disposed) return;
    for (const scope of this.scopes.values()) this.recompute(scope, true);
    this.changed();
  }

  // ---- inputs for open documents ----

  /** The configuration and roster texts that cover an open plan (after the configurations have been read). */
  async inputsFor(uri: string): Promise<{ configText: string; rosterText?: string } | undefined> {
    await this.configsRead;
    const entry = this.plans.get(uri) ?? this.placePlan(uri);
    const scope = entry?.configUri === undefined ? undefined : this.scopes.get(entry.configUri);
    if (!scope?.text) return undefined;
    return { configText: scope.text, ...(scope.rosterText !== undefined ? { rosterText: scope.rosterText } : {}) };
  }

  open(uri: string): void {
    const entry = this.plans.get(uri) ?? this.placePlan(uri);
    if (entry) entry.open = true;
  }

  /** A plan was closed: from now on its findings come from the file on disk, through workspace diagnostics. */
  close(uri: string): void {
    const entry = this.plans.get(uri);
    if (!entry) return;
    entry.open = false;
    void this.readClosed(entry).then(() => this.afterFactsChanged(entry));
  }

  /**
   * The newest facts of an open plan (from the analysis of `version`); updates the cross-plan findings of its scope.
   */
  setOpenFacts(uri: string, facts: PlanFacts, version: number): void {
    const entry = this.plans.get(uri);
    if (!entry) return;
    entry.factsVersion = version;
    if (sameFacts(entry.facts, facts)) return;
    entry.facts = facts;
    // The plan asking is answered with the new findings already: only the others need telling.
    this.afterFactsChanged(entry, uri);
  }

  /**
   * The cross-plan findings of an open plan, when they were made from the analysis of `version` (their places are
   * offsets in that text): for its code actions.
   */
  crossFindingsAt(uri: string, version: number): Finding[] | undefined {
    const entry = this.plans.get(uri);
    if (!entry?.open || entry.factsVersion !== version || entry.configUri === undefined) return undefined;
    return this.scopes.get(entry.configUri)?.cross.get(uri)?.map((f) => f.finding);
  }

  /** The cross-plan diagnostics of a plan, and a key that changes when they do (for result ids). */
  crossDiagnostics(uri: string): { key: string; items: Diagnostic[] } {
    const entry = this.plans.get(uri);
    if (!entry || entry.configUri === undefined) return { key: '', items: [] };
    const scope = this.scopes.get(entry.configUri);
    if (!scope) return { key: '', items: [] };
    if (entry.ignored) {
      return {
        key: `ignored:${scope.version}`,
        items: [{
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: DiagnosticSeverity.Information,
          source: DIAGNOSTIC_SOURCE,
          message: `\`${CONFIG_FILE_NAME}\` ignores this plan: it is checked only while it is open, and the cross-plan checks leave it out.`,
        }],
      };
    }
    return { key: String(scope.crossStamps.get(uri) ?? 0), items: (scope.cross.get(uri) ?? []).map((f) => this.crossDiagnostic(scope, f)) };
  }

  // ---- files changing on disk ----

  /**
   * Watched files were created, changed or deleted (a `git checkout` may change thousands at once): the plans are
   * read together, and each scope concerned is checked again once.
   */
  async filesChanged(changes: readonly { readonly uri: string; readonly deleted: boolean }[]): Promise<void> {
    await this.configsRead;
    const configs = changes.filter((c) => basename(c.uri) === CONFIG_FILE_NAME);
    if (configs.length > 0) {
      for (const { uri, deleted } of configs) {
        if (deleted) this.scopes.delete(uri);
        else await this.loadScope(uri);
      }
      // Every plan is placed and read again: that covers the other changes too.
      await this.replaceAll();
      return;
    }
    const changed = new Set(changes.map((c) => c.uri));
    const rosterOf = [...this.scopes.values()].filter((s) => s.rosterUri !== undefined && changed.has(s.rosterUri));
    for (const scope of rosterOf) await this.loadScope(scope.configUri);
    const touched = new Set<string>(rosterOf.map((s) => s.configUri));
    const toRead = new Set<PlanEntry>();
    for (const { uri, deleted } of changes) {
      if (!isPlanFileName(basename(uri)) || !this.inFolders(uri)) continue;
      if (deleted) {
        const entry = this.plans.get(uri);
        this.plans.delete(uri);
        if (entry?.configUri !== undefined) touched.add(entry.configUri);
        continue;
      }
      const entry = this.plans.get(uri) ?? this.placePlan(uri);
      if (!entry || entry.open) continue;
      toRead.add(entry);
      if (entry.configUri !== undefined) touched.add(entry.configUri);
    }
    // A new roster means new inputs for every plan of its scope, open ones included.
    const members = [...this.plans.values()].filter((p) => p.configUri !== undefined && rosterOf.some((s) => s.configUri === p.configUri));
    if (members.length > 0) this.options.onOpenChanged(members.filter((p) => p.open).map((p) => p.uri), true);
    for (const member of members) toRead.add(member);
    await this.readAllClosed([...toRead]);
    for (const configUri of touched) this.recompute(this.scopes.get(configUri), true);
    if (touched.size > 0 || toRead.size > 0) this.changed();
  }

  /** The settings changed: closed plans are checked again with the new rule levels. */
  async settingsChanged(): Promise<void> {
    await this.scanned;
    for (const scope of this.scopes.values()) scope.overrides = await this.overridesFor(scope.configUri);
    await this.readAllClosed([...this.plans.values()]);
    for (const scope of this.scopes.values()) this.recompute(scope, false);
    this.changed();
  }

  // ---- workspace/diagnostic ----

  /**
   * The workspace diagnostic report: a full report for every closed plan, configuration and roster whose result
   * changed since `previous`, `unchanged` for the others. Waits (without polling) while nothing changed.
   */
  async workspaceReport(previous: ReadonlyMap<string, string>, enabled: () => Promise<boolean>, token: { isCancellationRequested: boolean; onCancellationRequested(listener: () => void): unknown }): Promise<WorkspaceDocumentDiagnosticReport[]> {
    await this.scanned;
    for (;;) {
      if (token.isCancellationRequested || this.disposed) return [];
      const on = await enabled();
      const reports: WorkspaceDocumentDiagnosticReport[] = [];
      let anyFull = false;
      if (on) {
        const seen = new Set<string>();
        for (const [uri, key, items] of this.closedReports()) {
          seen.add(uri);
          const reported = this.resultFor(uri, key, items);
          if (previous.get(uri) === reported.resultId) {
            reports.push({ uri, version: null, kind: DocumentDiagnosticReportKind.Unchanged, resultId: reported.resultId });
          } else {
            anyFull = true;
            reports.push({ uri, version: null, kind: DocumentDiagnosticReportKind.Full, resultId: reported.resultId, items: reported.items });
          }
        }
        // A file reported before and not now (deleted, or now ignored): its findings are taken back once. (An open plan
        // keeps its last report: the client shows its document diagnostics instead.)
        for (const [uri, known] of this.reported) {
          if (seen.has(uri) || known.items.length === 0 || this.plans.get(uri)?.open) continue;
          const cleared = this.resultFor(uri, 'gone', () => []);
          anyFull = true;
          reports.push({ uri, version: null, kind: DocumentDiagnosticReportKind.Full, resultId: cleared.resultId, items: [] });
        }
      }
      if (!on) {
        // Turned off: what was reported for closed plans is taken back once (empty reports), then nothing more.
        for (const [uri, known] of this.reported) {
          if (known.items.length === 0) continue;
          const cleared = this.resultFor(uri, 'off', () => []);
          anyFull = true;
          reports.push({ uri, version: null, kind: DocumentDiagnosticReportKind.Full, resultId: cleared.resultId, items: [] });
        }
      }
      // The first request always gets an answer; later ones only when there is news.
      if (anyFull || (on && previous.size === 0 && reports.length > 0)) return reports;
      await this.nextChange(token);
    }
  }

  /**
   * Wakes a held workspace request to look again (for example after the settings changed). It looks in a later
   * turn of the event loop, so the answer to the request that caused the change (an open plan's own diagnostics)
   * goes out first, and changes made in one turn are reported together.
   */
  changed(): void {
    this.counter++;
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    later(() => {
      this.wakeScheduled = false;
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  dispose(): void {
    this.disposed = true;
    this.checker.dispose();
    this.changed();
  }

  /** Plans of one scope and their facts (for navigation and the person card). */
  scopeOf(uri: string): { configUri: string; plans: { uri: string; facts: PlanFacts }[]; rosterUri?: string; roster?: Roster } | undefined {
    const entry = this.plans.get(uri);
    const scope = entry?.configUri === undefined ? undefined : this.scopes.get(entry.configUri);
    if (!scope) return undefined;
    const plans = [...this.plans.values()].filter((p) => p.configUri === scope.configUri && !p.ignored && p.facts).map((p) => ({ uri: p.uri, facts: p.facts! }));
    return { configUri: scope.configUri, plans, ...(scope.rosterUri !== undefined && scope.roster ? { rosterUri: scope.rosterUri, roster: scope.roster } : {}) };
  }

  // ---- internals ----

  private nextChange(token: { onCancellationRequested(listener: () => void): unknown }): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      token.onCancellationRequested(() => resolve());
    });
  }

  /**
   * Every closed file's report: its URI, a key that changes when its items do, and how to make the items. Items are
   * only made for files whose key changed, so a report after an edit costs what changed, not the whole workspace.
   */
  private *closedReports(): Generator<[string, string, () => Diagnostic[]]> {
    for (const entry of this.plans.values()) {
      if (entry.open || entry.ignored) continue;
      const scope = entry.configUri === undefined ? undefined : this.scopes.get(entry.configUri);
      yield [entry.uri, `${entry.ownStamp}:${scope?.crossStamps.get(entry.uri) ?? 0}`, () => [...entry.own, ...this.crossDiagnostics(entry.uri).items]];
    }
    for (const scope of this.scopes.values()) {
      if (scope.analysis) yield [scope.configUri, `config:${scope.version}`, () => scope.configItems];
      if (scope.roster && scope.rosterUri) yield [scope.rosterUri, `roster:${scope.version}`, () => scope.rosterItems];
    }
  }

  private resultFor(uri: string, key: string, items: () => Diagnostic[]): Reported {
    const known = this.reported.get(uri);
    if (known && known.key === key) return known;
    const reported = { key, resultId: `w${++this.counter}`, items: items() };
    this.reported.set(uri, reported);
    return reported;
  }

  private settingsDiagnostics(uri: string, text: string, findings: readonly Finding[]): Diagnostic[] {
    return settingsDiagnostics({ findings }, featureContext({ uri, version: 0, lines: new LineIndex(text) }, DEFAULT_SETTINGS, this.options.docsBase()));
  }

  /** The URI of a file named relative to the scope's configuration (remembered: many findings name the same plans). */
  private uriIn(scope: ScopeEntry, file: string): string {
    let uri = scope.uris.get(file);
    if (uri === undefined) {
      uri = `${dirname(scope.configUri)}/${file.split('/').map(encodeURIComponent).join('/')}`;
      scope.uris.set(file, uri);
    }
    return uri;
  }

  private crossDiagnostic(scope: ScopeEntry, f: ScopeFinding): Diagnostic {
    const severity = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint }[f.finding.severity];
    return {
      range: { start: { line: f.at.line, character: f.at.character }, end: { line: f.at.endLine, character: f.at.endCharacter } },
      severity,
      code: f.finding.ruleId,
      source: DIAGNOSTIC_SOURCE,
      message: f.finding.message,
      codeDescription: { href: ruleDocsHref({ docsBase: this.options.docsBase() }, f.finding.ruleId) },
      ...(f.finding.related.length > 0 ? {
        relatedInformation: f.finding.related.map((r, i) => ({
          location: {
            uri: r.file === undefined ? '' : this.uriIn(scope, r.file),
            range: { start: { line: f.relatedAt[i]!.line, character: f.relatedAt[i]!.character }, end: { line: f.relatedAt[i]!.endLine, character: f.relatedAt[i]!.endCharacter } },
          },
          message: r.message,
        })),
      } : {}),
    };
  }

  private inFolders(uri: string): boolean {
    return this.folders.some((f) => uri.startsWith(`${f}/`));
  }

  /** Adds a plan to the index with its scope (the nearest configuration inside its workspace folder). */
  private placePlan(uri: string): PlanEntry | undefined {
    if (!this.inFolders(uri) || !isPlanFileName(basename(uri))) return undefined;
    const configUri = this.nearestConfig(uri);
    const scope = configUri === undefined ? undefined : this.scopes.get(configUri);
    const ignored = scope?.analysis !== undefined && isIgnored(scope.analysis.config.ignore, relativeTo(dirname(configUri!), uri));
    const existing = this.plans.get(uri);
    const entry: PlanEntry = existing ?? { uri, ignored, open: false, own: [], ownStamp: 0 };
    if (configUri !== undefined) entry.configUri = configUri;
    else delete entry.configUri;
    entry.ignored = ignored;
    this.plans.set(uri, entry);
    return entry;
  }

  private nearestConfig(uri: string): string | undefined {
    const folder = this.folders.find((f) => uri.startsWith(`${f}/`));
    if (folder === undefined) return undefined;
    let dir = dirname(uri);
    for (;;) {
      const candidate = `${dir}/${CONFIG_FILE_NAME}`;
      if (this.scopes.has(candidate)) return candidate;
      if (dir.length <= folder.length) return undefined;
      dir = dirname(dir);
    }
  }

  /** Reads a configuration and its roster. A configuration that cannot be read leaves its plans with the defaults. */
  private async loadScope(configUri: string): Promise<void> {
    const text = await this.options.files.read(configUri);
    const scope: ScopeEntry = this.scopes.get(configUri) ?? { configUri, cross: new Map(), crossStamps: new Map(), version: 0, configItems: [], rosterItems: [], overrides: new Map(), uris: new Map() };
    this.scopes.set(configUri, scope);
    delete scope.text; delete scope.analysis; delete scope.rosterUri; delete scope.rosterText; delete scope.roster;
    scope.configItems = [];
    scope.rosterItems = [];
    scope.version = ++this.stamps;
    scope.overrides = await this.overridesFor(configUri);
    if (text === undefined) {
      this.options.log(`Cannot read ${configUri}; the plans it covers are checked with the defaults.`);
      return;
    }
    const dir = dirname(configUri);
    const first = analyzeConfig(text);
    const rosterUri = first.config.roster === undefined ? undefined : resolveUri(dir, first.config.roster);
    const rosterText = rosterUri === undefined ? undefined : await this.options.files.read(rosterUri);
    scope.text = text;
    scope.analysis = analyzeConfig(text, { exists: (rel) => resolveUri(dir, rel) === rosterUri && rosterText !== undefined });
    scope.configItems = this.settingsDiagnostics(configUri, text, scope.analysis.findings);
    if (rosterUri !== undefined && rosterText !== undefined) {
      scope.rosterUri = rosterUri;
      scope.rosterText = rosterText;
      scope.roster = analyzeRoster(rosterText);
      scope.rosterItems = this.settingsDiagnostics(rosterUri, rosterText, scope.roster.findings);
    }
  }

  /** The person's rule levels where a configuration is (VS Code settings may differ per workspace folder). */
  private async overridesFor(configUri: string): Promise<RuleLevels> {
    return ruleLevelsFromObject((await this.settingsAt(configUri)).rules);
  }

  /**
   * The settings for a file of the workspace, asked per workspace folder, not per file: they cannot differ between
   * files of one folder (VS Code applies language-specific settings to open documents only), and 2,000 plans need
   * not make 2,000 round trips to the client.
   */
  private settingsAt(uri: string): Promise<Settings> {
    return this.options.settingsFor(this.folders.find((f) => uri.startsWith(`${f}/`)) ?? uri);
  }

  /** A configuration appeared, changed or went away: every plan is placed again and re-read. */
  private async replaceAll(): Promise<void> {
    for (const uri of [...this.plans.keys()]) this.placePlan(uri);
    const open = [...this.plans.values()].filter((p) => p.open).map((p) => p.uri);
    this.options.onOpenChanged(open, true);
    await this.readAllClosed([...this.plans.values()]);
    for (const scope of this.scopes.values()) this.recompute(scope, false);
    this.changed();
  }

  /** Reads and checks the closed plans among `entries`, several at once (the checker may use worker threads). */
  private async readAllClosed(entries: readonly PlanEntry[]): Promise<void> {
    let next = 0;
    const work = async () => {
      while (next < entries.length && !this.disposed) {
        const entry = entries[next++]!;
        if (!entry.open) await this.readClosed(entry);
        // Let requests through while a large workspace is read on this thread.
        await later();
      }
    };
    await Promise.all(Array.from({ length: CHECKS_AT_ONCE }, work));
  }

  /** Checks a closed plan from its file, with the same analysis as an open one. */
  private async readClosed(entry: PlanEntry): Promise<void> {
    const text = await this.options.files.read(entry.uri);
    if (entry.open || this.disposed) return;
    if (text === undefined) {
      this.setOwn(entry, []);
      delete entry.facts;
      return;
    }
    const settings = await this.settingsAt(entry.uri);
    if (this.disposed) return;
    const scope = entry.configUri === undefined ? undefined : this.scopes.get(entry.configUri);
    const inputs = {
      settings,
      docsBase: this.options.docsBase(),
      ...(scope?.text !== undefined ? { scope: { configText: scope.text, ...(scope.rosterText !== undefined ? { rosterText: scope.rosterText } : {}) } } : {}),
    };
    try {
      const checked = await this.checker.check({ uri: entry.uri, languageId: 'crmteam-yaml', version: 0, text }, inputs);
      if (entry.open || this.disposed) return;
      this.setOwn(entry, checked.diagnostics);
      entry.facts = checked.facts;
    } catch (error) {
      if (this.disposed) return;
      this.options.log(`Checking ${entry.uri} failed. ${describeError(error)}`);
      this.setOwn(entry, [{
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        source: DIAGNOSTIC_SOURCE,
        message: 'This plan could not be checked (see the CRM Team output for why); open it to check it again.',
      }]);
      delete entry.facts;
    }
  }

  private setOwn(entry: PlanEntry, own: Diagnostic[]): void {
    if (JSON.stringify(own) === JSON.stringify(entry.own)) return;
    entry.own = own;
    entry.ownStamp = ++this.stamps;
  }

  private afterFactsChanged(entry: PlanEntry, except?: string): void {
    if (entry.configUri !== undefined) this.recompute(this.scopes.get(entry.configUri), true, except);
    this.changed();
  }

  /** Runs the cross-plan pass of a scope; tells the server which open plans' findings changed. */
  private recompute(scope: ScopeEntry | undefined, notifyOpen: boolean, except?: string): void {
    if (!scope?.analysis) return;
    const members = [...this.plans.values()].filter((p) => p.configUri === scope.configUri && !p.ignored && p.facts);
    const dir = dirname(scope.configUri);
    const byName = new Map(members.map((m) => [relativeTo(dir, m.uri), m.uri]));
    const config = scope.analysis.config;
    const result = checkScope({
      plans: members.map((m) => ({ file: relativeTo(dir, m.uri), facts: m.facts! })),
      ...(scope.roster && scope.rosterUri ? { roster: { file: relativeTo(dir, scope.rosterUri), facts: scope.roster.facts } } : {}),
      config,
      levels: effectiveLevels(config, scope.overrides),
    });
    const cross = new Map<string, ScopeFinding[]>();
    for (const [name, findings] of result) cross.set(byName.get(name)!, findings);
    const changedOpen: string[] = [];
    const stamps = new Map<string, number>();
    for (const m of members) {
      const before = scope.crossStamps.get(m.uri);
      if (before !== undefined && sameShown(cross.get(m.uri) ?? [], scope.cross.get(m.uri) ?? [])) {
        stamps.set(m.uri, before);
        continue;
      }
      stamps.set(m.uri, ++this.stamps);
      if (m.open && m.uri !== except) changedOpen.push(m.uri);
    }
    scope.cross = cross;
    scope.crossStamps = stamps;
    if (notifyOpen && changedOpen.length > 0 && !this.disposed) this.options.onOpenChanged(changedOpen, false);
  }
}

/** Whether an open plan's new facts are its old ones (an edit that changes nothing the cross-plan rules read). */
function sameFacts(a: PlanFacts | undefined, b: PlanFacts): boolean {
  if (a === undefined) return false;
  const { references: ra, ...restA } = a;
  const { references: rb, ...restB } = b;
  return ra.places.length === rb.places.length && ra.places.every((n, i) => n === rb.places[i])
    && ra.ids.length === rb.ids.length && ra.ids.every((id, i) => id === rb.ids[i])
    && JSON.stringify(restA) === JSON.stringify(restB);
}

/**
 * Whether two lists of cross-plan findings show the same (rule, severity, message, places, related information).
 * Compared field by field: in a large scope every plan has findings with hundreds of related places.
 */
function sameShown(a: readonly ScopeFinding[], b: readonly ScopeFinding[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i]!;
    return x.finding.ruleId === y.finding.ruleId && x.finding.severity === y.finding.severity && x.finding.message === y.finding.message
      && samePlace(x.at, y.at) && x.finding.related.length === y.finding.related.length
      && x.finding.related.every((r, j) => r.file === y.finding.related[j]!.file && r.message === y.finding.related[j]!.message && samePlace(x.relatedAt[j]!, y.relatedAt[j]!));
  });
}

function samePlace(a: { line: number; character: number; endLine: number; endCharacter: number }, b: typeof a): boolean {
  return a.line === b.line && a.character === b.character && a.endLine === b.endLine && a.endCharacter === b.endCharacter;
}

function basename(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

function dirname(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}

/** A path relative to a folder URI, with `/`, decoded: how the scope names its plans. */
function relativeTo(dirUri: string, uri: string): string {
  return decodeURIComponent(uri.startsWith(`${dirUri}/`) ? uri.slice(dirUri.length + 1) : uri);
}

function resolveUri(dirUri: string, relativePath: string): string {
  const parts = dirUri.split('/');
  for (const part of relativePath.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(encodeURIComponent(part));
  }
  return parts.join('/');
}

/** Runs `callback` (or resolves) in a later turn of the event loop, after pending I/O. */
function later(callback?: () => void): Promise<void> {
  return new Promise((resolve) => {
    const done = () => { callback?.(); resolve(); };
    if (typeof setImmediate === 'function') setImmediate(done);
    else setTimeout(done, 0);
  });
}
