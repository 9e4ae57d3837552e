// Names shared by the VS Code client and the language server: the language id, command ids, the fix-all kind,
// the initialization options and the custom requests (each custom message says who sends it and why).
// Plain values and types only: the client and the server bundle different copies of vscode-jsonrpc, so a message is named
// by its method string rather than by a RequestType object.

import type { Overview } from '../overview/model';

/** The language id of team plans; VS Code assigns it by `*.crmteam.yaml` / `*.crmteam.yml`. */
export const LANGUAGE_ID = 'crmteam-yaml';

/** The language ids of `crmteam.config.yaml` (by name) and of rosters (by their first line, `crmteam-roster:`). */
export const CONFIG_LANGUAGE_ID = 'crmteam-config';
export const ROSTER_LANGUAGE_ID = 'crmteam-roster';

/** Files the server analyses when a client sends them as plain `yaml` (for example after `files.associations`). */
export const FILE_GLOB = '**/*.crmteam.{yaml,yml}';

/** `source` of every diagnostic, and the identifier of the pull-diagnostics provider. */
export const DIAGNOSTIC_SOURCE = 'crmteam';

/** The code action kind for "apply every safe fix"; `editor.codeActionsOnSave` refers to it. */
export const FIX_ALL_KIND = 'source.fixAll.crmteam';

/** Commands contributed in package.json; the client registers them. */
export const Commands = {
  newPlan: 'crmteam.newPlan',
  restartServer: 'crmteam.restartServer',
  showOutput: 'crmteam.showOutput',
  openOverview: 'crmteam.openOverview',
} as const;

/** What the client may tell the server in `initialize`; every field is optional. */
export interface InitializationOptions {
  /**
   * The URI of the folder holding `<rule-id>.md` pages, used for `codeDescription.href`. The VS Code client passes
   * the extension's `docs/rules`; other editors get the folder next to the server bundle.
   */
  readonly docsBase?: string;
  /**
   * The client answers `ListFilesRequest` and `ReadFileRequest`. A server without file access of its own (the web
   * one) then indexes the workspace through the client; without it, only open plans count there.
   */
  readonly workspaceFiles?: boolean;
}

/**
 * The files of a workspace folder the server indexes: plans and configurations (rosters are read by name). One glob
 * with one level of braces, the form both tinyglobby (the Node server) and VS Code's file search (the web) read alike.
 */
export const WORKSPACE_FILE_GLOB = '**/{*.crmteam.yaml,*.crmteam.yml,.crmteam.yaml,.crmteam.yml,crmteam.config.yaml}';
/** Folders whose files are never indexed, by name, and as a glob. */
export const WORKSPACE_IGNORED_FOLDERS: readonly string[] = ['node_modules', '.git'];
export const WORKSPACE_IGNORE_GLOB = `**/{${WORKSPACE_IGNORED_FOLDERS.join(',')}}/**`;

/** Carried in `Diagnostic.data` so a code action finds its finding without re-running the rules. */
export interface DiagnosticData {
  /** The document version the diagnostic was computed for. */
  readonly version: number;
  /** The finding's index in that version's analysis. */
  readonly index: number;
}

/**
 * Sent by the client when the user runs "New team plan": the server answers with the text of a complete,
 * valid skeleton plan. It lives in the server because the server knows the format; the client stays a launcher.
 */
export const NewPlanTemplateRequest = { method: 'crmteam/newPlanTemplate' } as const;
/** The answer to `NewPlanTemplateRequest`: the plan's text. */
export type NewPlanTemplateResult = string;

/**
 * Sent by the client for the Team Overview webview, on opening it and after each change of the plan: the server
 * answers with the overview of the document's current version (`null` when the document is not open). The client
 * only renders it.
 */
export const OverviewRequest = { method: 'crmteam/overview' } as const;
export interface OverviewParams {
  readonly textDocument: { readonly uri: string };
}
/** The answer to `OverviewRequest`; its `file` is the document's URI and places are 1-based. */
export type OverviewResult = Overview | null;

/**
 * Sent by a server without file access of its own (the web one), when the client said `workspaceFiles` in its
 * initialization options: the client answers with the URIs of the files under the folder that match
 * `WORKSPACE_FILE_GLOB` (outside `WORKSPACE_IGNORE_GLOB`), found with the editor's own file search. The answer may
 * hold other files too (a client without file search walks the folders): the server keeps plans and configurations by
 * name.
 */
export const ListFilesRequest = { method: 'crmteam/listFiles' } as const;
export interface ListFilesParams {
  /** A workspace folder's URI. */
  readonly folderUri: string;
}
export type ListFilesResult = string[];

/**
 * Sent like `ListFilesRequest`: the client answers with the file's text, decoded as the server decodes files
 * (server/src/core/decode.ts: UTF-8, byte order mark dropped), or `null` when it cannot be read or lies outside
 * the workspace folders.
 */
export const ReadFileRequest = { method: 'crmteam/readFile' } as const;
export interface ReadFileParams {
  readonly uri: string;
}
export type ReadFileResult = string | null;
