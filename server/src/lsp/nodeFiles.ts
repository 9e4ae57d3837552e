// The workspace index's file access on Node: plans and configurations found with a glob, files read from disk. Other
// schemes (a virtual workspace such as Remote Repositories' `vscode-vfs:`) go to the client when it answers (server.ts).

import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import { decodePlan } from '../core/decode';
import { WORKSPACE_FILE_GLOB, WORKSPACE_IGNORE_GLOB } from '../common/protocol';
import type { WorkspaceFiles } from './workspace';

export const nodeWorkspaceFiles: WorkspaceFiles = {
  handles: (uri) => uri.startsWith('file:'),
  async list(folderUri) {
    if (!folderUri.startsWith('file:')) return [];
    const found = await glob([WORKSPACE_FILE_GLOB], {
      cwd: fileURLToPath(folderUri), absolute: true, dot: true, onlyFiles: true, ignore: [WORKSPACE_IGNORE_GLOB],
    });
    return found.sort().map((path) => pathToFileURL(path).href);
  },
  async read(uri) {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return decodePlan(await readFile(fileURLToPath(uri))).text;
    } catch {
      return undefined;
    }
  },
};
