// What the extension does once its language client exists, the same in VS Code desktop (extension.ts: the server in
// a Node process) and on the web (browser.ts: the server in a web worker): the output channel, the commands, start
// and restart. Only how the client and its server are made differs, and that is the entry point's `createClient`.
// On the web the server has no file system: the client finds and reads the workspace's files for it (workspaceFiles.ts).

import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { Commands, CONFIG_LANGUAGE_ID, FILE_GLOB, LANGUAGE_ID, NewPlanTemplateRequest, ROSTER_LANGUAGE_ID, type InitializationOptions, type NewPlanTemplateResult } from '../../server/src/common/protocol';
import { registerOverview, type OverviewApi } from './overview';
import { answerFileRequests } from './workspaceFiles';

/** What `activate` returns: used by the end-to-end tests, and by anyone scripting the extension. */
export interface CrmTeamApi {
  /** The running language client (replaced by a restart). */
  readonly client: BaseLanguageClient;
  /** Stops and starts the language server. */
  restart(): Promise<void>;
  /** The Team Overview webviews. */
  readonly overview: OverviewApi;
}

/** Makes the platform's language client: `id` and `name` as given, the options ready. */
export type CreateClient = (id: string, name: string, clientOptions: LanguageClientOptions) => BaseLanguageClient;

let client: BaseLanguageClient | undefined;

export async function activateClient(context: vscode.ExtensionContext, createClient: CreateClient): Promise<CrmTeamApi> {
  const output = vscode.window.createOutputChannel('CRM Team', { log: true });
  context.subscriptions.push(output);

  const initializationOptions: InitializationOptions = {
    // Where the rule pages are: a file: URI on the desktop (opens in an editor), an https: URI on the web (opens in a
    // browser tab): the extension's own docs/rules either way.
    docsBase: vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString(),
    // The client answers crmteam/listFiles and crmteam/readFile (the web server indexes the workspace through them).
    workspaceFiles: true,
  };
  const clientOptions: LanguageClientOptions = {
    // Plans, and the files that configure them (README, "Many plans"): crmteam.config.yaml and rosters.
    documentSelector: [
      { language: LANGUAGE_ID }, { language: 'yaml', pattern: FILE_GLOB },
      { language: CONFIG_LANGUAGE_ID }, { language: ROSTER_LANGUAGE_ID },
    ],
    outputChannel: output,
    traceOutputChannel: output,
    // Both flags, always: passing only `onSave` would silently turn pulling on change off.
    diagnosticPullOptions: { onChange: true, onSave: true },
    initializationOptions,
  };
  // The id `crmteam` makes the client read `crmteam.trace.server` by itself.
  const languageClient = createClient('crmteam', 'CRM Team Language Server', clientOptions);
  client = languageClient;

  const restart = async (): Promise<void> => {
    output.info('Restarting the language server.');
    // What the Node client's own restart() does (the browser client has none).
    if (languageClient.isRunning()) await languageClient.stop();
    await languageClient.start();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.restartServer, restart),
    vscode.commands.registerCommand(Commands.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(Commands.newPlan, async () => {
      try {
        if (!languageClient.isRunning()) await languageClient.start();
        const content = await languageClient.sendRequest<NewPlanTemplateResult>(NewPlanTemplateRequest.method);
        const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
        await vscode.window.showTextDocument(document);
      } catch (error) {
        output.error(`New team plan failed: ${error instanceof Error ? error.message : String(error)}`);
        void vscode.window.showErrorMessage('Could not create a new team plan; see the CRM Team output for details.');
      }
    }),
  );

  context.subscriptions.push(...answerFileRequests(languageClient, output));

  const overview = registerOverview(context, () => languageClient, output);

  // A roster may have any name, and VS Code gives a `.yaml` file the YAML language whatever its first line says:
  // a YAML document that starts with `crmteam-roster:` is switched to the roster language.
  const claimRoster = (document: vscode.TextDocument) => {
    if (document.languageId === 'yaml' && document.lineCount > 0 && /^\uFEFF?crmteam-roster\s*:/.test(document.lineAt(0).text)) {
      void vscode.languages.setTextDocumentLanguage(document, ROSTER_LANGUAGE_ID);
    }
  };
  vscode.workspace.textDocuments.forEach(claimRoster);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(claimRoster));

  try {
    await languageClient.start();
  } catch (error) {
    // The extension stays usable: "Restart server" can try again, and the output channel says what happened.
    output.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`);
  }

  return {
    get client() {
      return languageClient;
    },
    restart,
    overview,
  };
}

export async function deactivateClient(): Promise<void> {
  const running = client;
  client = undefined;
  // A server that never started (or already stopped) has nothing to stop.
  if (running?.needsStop()) await running.stop();
}
