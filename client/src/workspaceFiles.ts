// The client's half of the server's file access on the web (server/src/lsp/clientFiles.ts): the server, in a web
// worker, has no file system, so it asks the client for the workspace's plans and configurations (found with VS Code's
// file search) and for files' texts (read with VS Code's file API, decoded by the server's own rules, core/decode.ts).
// Shared by both entries: the desktop client answers too; its Node server reads `file:` from disk itself and asks only
// for other schemes (a virtual workspace such as Remote Repositories).

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { decodePlan } from '../../server/src/core/decode';
import {
  ListFilesRequest, ReadFileRequest, WORKSPACE_FILE_GLOB, WORKSPACE_IGNORE_GLOB, WORKSPACE_IGNORED_FOLDERS,
  type ListFilesParams, type ListFilesResult, type ReadFileParams, type ReadFileResult,
} from '../../server/src/common/protocol';

/**
 * How long the file search may take before the folder is walked instead: a virtual file system without a search
 * provider can leave `findFiles` unanswered for good (microsoft/vscode#314285), and the server waits for this list.
 */
export const FIND_FILES_LIMIT_MS = 10_000;
/** The most directory entries a walk looks at, so a huge repository cannot keep the server waiting for ever. */
const WALK_LIMIT = 50_000;

export function answerFileRequests(client: BaseLanguageClient, output: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    client.onRequest(ListFilesRequest.method, async ({ folderUri }: ListFilesParams): Promise<ListFilesResult> => {
      // The server names folders without a trailing slash: a folder at the root (`vscode-test-web://mount`) gets its `/`.
      const parsed = vscode.Uri.parse(folderUri);
      const folder = parsed.path === '' ? parsed.with({ path: '/' }) : parsed;
      const started = Date.now();
      const found = await listFiles(folder);
      output.info(`Workspace index: ${found.uris.length} files under ${folder.toString(true)}, found by ${found.how} in ${Date.now() - started} ms.`);
      return found.uris.map((uri) => uri.toString());
    }),
    client.onRequest(ReadFileRequest.method, async ({ uri }: ReadFileParams): Promise<ReadFileResult> => {
      try {
        const file = vscode.Uri.parse(uri);
        // Only the workspace's own files: a roster path climbing out of the folder (`../../other/people.yaml`) must not
        // make the extension fetch from elsewhere (on github.dev, another repository).
        if (!vscode.workspace.getWorkspaceFolder(file)) return null;
        return decodePlan(await vscode.workspace.fs.readFile(file)).text;
      } catch {
        return null;
      }
    }),
  ];
}

interface Found {
  readonly uris: vscode.Uri[];
  /** How they were found, for the output channel. */
  readonly how: string;
}

/**
 * The plans and configurations under `folder`, by VS Code's file search. When it fails, or has not answered after
 * `FIND_FILES_LIMIT_MS`, the folders are walked; a search that answers during the walk still wins.
 */
async function listFiles(folder: vscode.Uri): Promise<Found> {
  const cancel = new vscode.CancellationTokenSource();
  const searching: Promise<Found | undefined> = Promise.resolve(
    vscode.workspace.findFiles(new vscode.RelativePattern(folder, WORKSPACE_FILE_GLOB), WORKSPACE_IGNORE_GLOB, undefined, cancel.token),
  ).then((uris) => ({ uris, how: 'file search' }), () => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => { timer = setTimeout(() => resolve(undefined), FIND_FILES_LIMIT_MS); });
  const stop = { now: false };
  try {
    const searched = await Promise.race([searching, late]);
    if (searched) return searched;
    const walking = walk(folder, stop);
    return await Promise.race([searching.then((s) => s ?? walking), walking]);
  } finally {
    clearTimeout(timer);
    stop.now = true;
    cancel.cancel();
    cancel.dispose();
  }
}

/** Every YAML file under `folder`, outside the ignored folders, read directory by directory with the file API. */
async function walk(folder: vscode.Uri, stop: { readonly now: boolean }): Promise<Found> {
  const uris: vscode.Uri[] = [];
  const pending = [folder];
  let seen = 0;
  while (pending.length > 0 && seen < WALK_LIMIT && !stop.now) {
    const dir = pending.shift()!;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch {
      continue;
    }
    for (const [name, type] of entries) {
      if (++seen > WALK_LIMIT) break;
      const uri = vscode.Uri.joinPath(dir, name);
      if (type & vscode.FileType.Directory) {
        if (!WORKSPACE_IGNORED_FOLDERS.includes(name) && !(type & vscode.FileType.SymbolicLink)) pending.push(uri);
      } else if (/\.ya?ml$/.test(name)) {
        uris.push(uri);
      }
    }
  }
  const truncated = seen > WALK_LIMIT || (seen === WALK_LIMIT && pending.length > 0);
  return { uris, how: `walking the folders, as no file search answered${truncated ? ` (stopped after ${WALK_LIMIT} entries: plans further down are left out)` : ''}` };
}
