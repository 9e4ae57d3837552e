// The workspace index's file access on Node: plans and configurations found with a glob, files read from disk.

import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import { decodePlan } from '../core/decode';
import type { WorkspaceFiles } from './workspace';

export const nodeWorkspaceFiles: WorkspaceFiles = {
  async list(folderUri) {
    if (!folderUri.startsWith('file:')) return [];
    const found = await glob(['**/*.crmteam.{yaml,yml}', '**/.crmteam.{yaml,yml}', '**/crmteam.config.yaml'], {
      cwd: fileURLToPath(folderUri), absolute: true, dot: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'],
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
