// The settings of the `crmteam` configuration section, shared by the client and the server. This type mirrors
// `contributes.configuration` in package.json; change both together (CONTRIBUTING.md, "Add a setting").

import type { Level } from '../core/finding';
import { isRecord } from '../core/own';
import { isLevel } from '../core/ruleOptions';

/** The configuration section the server asks for with `workspace/configuration`. */
export const SETTINGS_SECTION = 'crmteam';

export type TraceSetting = 'off' | 'messages' | 'verbose';

export interface Settings {
  /** `crmteam.rules`: a level per rule id; rules not named keep their default severity. */
  readonly rules: Readonly<Record<string, Level>>;
  readonly inlayHints: {
    /** `crmteam.inlayHints.enabled`: show the person's name after each person id. */
    readonly enabled: boolean;
  };
  readonly trace: {
    /** `crmteam.trace.server`: read by the language client itself; the server only carries it along. */
    readonly server: TraceSetting;
  };
  /** `crmteam.workspaceDiagnostics`: report the findings of plans that are not open (workspace diagnostics). */
  readonly workspaceDiagnostics: boolean;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  rules: Object.freeze({}),
  inlayHints: Object.freeze({ enabled: true }),
  trace: Object.freeze({ server: 'off' as TraceSetting }),
  workspaceDiagnostics: true,
});

/**
 * Reads the `crmteam` section as the client sent it. Settings are user input: anything of the wrong type falls
 * back to its default instead of failing, and rule ids are stored in a null-prototype object so an id such as
 * `__proto__` cannot reach `Object.prototype`.
 */
export function normalizeSettings(raw: unknown): Settings {
  const section = isRecord(raw) ? raw : {};
  const rules: Record<string, Level> = Object.create(null) as Record<string, Level>;
  if (isRecord(section.rules)) {
    for (const [id, level] of Object.entries(section.rules)) {
      if (isLevel(level)) rules[id] = level;
    }
  }
  const inlayHints = isRecord(section.inlayHints) ? section.inlayHints : {};
  const trace = isRecord(section.trace) ? section.trace : {};
  const server = trace.server;
  return {
    rules,
    inlayHints: { enabled: typeof inlayHints.enabled === 'boolean' ? inlayHints.enabled : DEFAULT_SETTINGS.inlayHints.enabled },
    trace: { server: server === 'messages' || server === 'verbose' || server === 'off' ? server : DEFAULT_SETTINGS.trace.server },
    workspaceDiagnostics: typeof section.workspaceDiagnostics === 'boolean' ? section.workspaceDiagnostics : DEFAULT_SETTINGS.workspaceDiagnostics,
  };
}
