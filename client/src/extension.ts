// The VS Code extension is a launcher: it starts the language server over IPC, owns the
// output channel and registers the commands that need VS Code's UI. Every check, hover and fix is the server's.

import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { Commands, CONFIG_LANGUAGE_ID, FILE_GLOB, LANGUAGE_ID, NewPlanTemplateRequest, ROSTER_LANGUAGE_ID, type InitializationOptions, type NewPlanTemplateResult } from '../../server/src/common/protocol';
import { registerOverview, type OverviewApi } from './overview';

/** What `activate` returns: used by the end-to-end tests, and by anyone scripting the extension. */
export interface CrmTeamApi {
  /** The running language client (replaced by a restart). */
  readonly client: LanguageClient;
  /** Stops and starts the language server. */
  restart(): Promise<void>;
  /** The Team Overview webviews. */
  readonly overview: OverviewApi;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<CrmTeamApi> {
  const output = vscode.window.createOutputChannel('CRM Team', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const initializationOptions: InitializationOptions = {
    docsBase: vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString(),
  };
  const clientOptions: LanguageClientOptions = {
    // Plans, and the files that configure them (WORKSPACE.md): crmteam.config.yaml and rosters.
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
  const languageClient = new LanguageClient('crmteam', 'CRM Team Language Server', serverOptions, clientOptions);
  client = languageClient;

  const restart = async (): Promise<void> => {
    output.info('Restarting the language server.');
    if (languageClient.isRunning()) await languageClient.restart();
    else await languageClient.start();
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

  // A roster may have any name, and VS Code gives a `.yaml` file the YAML language whatever its first line says:
  // a YAML document that starts with `crmteam-roster:` is switched to the roster language.
  const claimRoster = (document: vscode.TextDocument) => {
    if (document.languageId === 'yaml' && /^\uFEFF?crmteam-roster\s*:/.test(document.lineAt(0).text)) {
      void vscode.languages.setTextDocumentLanguage(document, ROSTER_LANGUAGE_ID);
    }
  };
  vscode.workspace.textDocuments.forEach(claimRoster);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(claimRoster));
  const overview = registerOverview(context, () => languageClient, output);

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

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  // A server that never started (or already stopped) has nothing to stop.
  if (running?.needsStop()) await running.stop();
}
