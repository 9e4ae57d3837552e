// The client's half of the server's file access on the web (server/src/lsp/clientFiles.ts): the server, in a web
// worker, has no file system, so it asks the client for the workspace's plans and configurations (found with VS Code's
// file search, which every workspace of VS Code for the Web has: vscode.dev's local folders, github.dev's repositories)
// and for files' texts (read with VS Code's file API, decoded by the server's own rules). Shared by both entries: the
// desktop client answers too, though its Node server reads the disk itself and never asks.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { decodePlan } from '../../server/src/core/decode';
import {
  ListFilesRequest, ReadFileRequest, WORKSPACE_FILE_GLOB, WORKSPACE_IGNORE_GLOB,
  type ListFilesParams, type ListFilesResult, type ReadFileParams, type ReadFileResult,
} from '../../server/src/common/protocol';

export function answerFileRequests(client: BaseLanguageClient, output: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    client.onRequest(ListFilesRequest.method, async ({ folderUri }: ListFilesParams): Promise<ListFilesResult> => {
      const folder = vscode.Uri.parse(folderUri);
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, WORKSPACE_FILE_GLOB), WORKSPACE_IGNORE_GLOB);
      output.info(`Workspace index: ${found.length} plans and configurations under ${folder.toString(true)}.`);
      return found.map((uri) => uri.toString());
    }),
    client.onRequest(ReadFileRequest.method, async ({ uri }: ReadFileParams): Promise<ReadFileResult> => {
      try {
        return decodePlan(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri))).text;
      } catch {
        return null;
      }
    }),
  ];
}
