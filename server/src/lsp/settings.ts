// Settings per resource, fetched with `workspace/configuration` when a document opens and cached by URI until the
// configuration changes. Clients that cannot answer `workspace/configuration` get the
// settings they pushed with `didChangeConfiguration`, or the defaults.

import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, normalizeSettings, SETTINGS_SECTION, type Settings } from '../common/settings';
import { describeError, type Logger } from './handler';

export class SettingsStore {
  private readonly byUri = new Map<string, Promise<Settings>>();
  /** What a client without `workspace/configuration` sent last. */
  private pushed: Settings = DEFAULT_SETTINGS;
  /** Set once `initialize` told us what the client can do. */
  canPull = false;

  constructor(
    private readonly connection: Pick<Connection, 'workspace'>,
    private readonly logger: Logger,
  ) {}

  get(uri: string): Promise<Settings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.fetch(uri);
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  /** Forgets every cached value; the next `get` asks the client again. */
  clear(): void {
    this.byUri.clear();
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
  }

  /** The payload of `workspace/didChangeConfiguration`, used only by clients that cannot be asked. */
  setPushed(raw: unknown): void {
    const section = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>)[SETTINGS_SECTION] : undefined;
    if (section !== undefined) this.pushed = normalizeSettings(section);
  }

  private async fetch(uri: string): Promise<Settings> {
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
      return normalizeSettings(raw);
    } catch (error) {
      this.logger.error(`Reading the ${SETTINGS_SECTION} settings for ${uri} failed; using the defaults. ${describeError(error)}`);
      return DEFAULT_SETTINGS;
    }
  }
}
