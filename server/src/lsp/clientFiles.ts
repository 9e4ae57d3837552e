// The workspace index's file access through the client (the web server has no file system): the client finds the
// files with the editor's file search and reads them with its file API (client/src/activate.ts answers both requests).

import { ListFilesRequest, ReadFileRequest, type ListFilesParams, type ListFilesResult, type ReadFileParams, type ReadFileResult } from '../common/protocol';
import type { WorkspaceFiles } from './workspace';

/** What is needed of the connection: sending a request to the client. */
export interface RequestSender {
  sendRequest(method: string, params: unknown): Promise<unknown>;
}

export function clientWorkspaceFiles(connection: RequestSender, log: (message: string) => void): WorkspaceFiles {
  return {
    async list(folderUri) {
      try {
        const uris = (await connection.sendRequest(ListFilesRequest.method, { folderUri } satisfies ListFilesParams)) as ListFilesResult | null;
        return Array.isArray(uris) ? uris.filter((u): u is string => typeof u === 'string').sort() : [];
      } catch (error) {
        log(`The client could not list the plans of ${folderUri}: ${error instanceof Error ? error.message : String(error)}`);
        return [];
      }
    },
    async read(uri) {
      try {
        const text = (await connection.sendRequest(ReadFileRequest.method, { uri } satisfies ReadFileParams)) as ReadFileResult;
        return typeof text === 'string' ? text : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/** `own` for the files it handles, the client for the others (the Node server in a virtual workspace). */
export function withClientFiles(own: WorkspaceFiles, client: WorkspaceFiles): WorkspaceFiles {
  const handled = (uri: string) => own.handles?.(uri) ?? true;
  return {
    list: (folderUri) => (handled(folderUri) ? own.list(folderUri) : client.list(folderUri)),
    read: (uri) => (handled(uri) ? own.read(uri) : client.read(uri)),
  };
}
