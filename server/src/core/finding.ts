// The engine's output vocabulary: findings, fixes and edits, all in character offsets (LSP and CLI convert at the edge).

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type Level = Severity | 'off';
export const LEVELS: readonly Level[] = ['off', 'hint', 'info', 'warning', 'error'];

/** A half-open `[start, end)` span of UTF-16 code units in the document text. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

/** Replace `[start, end)` with `text`; an insertion has `start === end`. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * A fix is data produced with its finding. Safe fixes may be applied without a person looking
 * (fix-all on save, `crmteam lint --fix`); unsafe ones are offered in the editor only.
 */
export interface Fix {
  readonly title: string;
  readonly safety: 'safe' | 'unsafe';
  readonly edits: readonly Edit[];
  /** The one fix the editor's "auto fix" should pick for this finding. */
  readonly preferred?: boolean;
}

export interface RelatedPlace {
  readonly range: OffsetRange;
  readonly message: string;
  /**
   * The place is in another file: a plan or roster of the same scope, named as the front end named it for the
   * cross-plan pass (a path relative to the configuration file's folder). Absent: the finding's own file.
   */
  readonly file?: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: OffsetRange;
  readonly related: readonly RelatedPlace[];
  readonly fixes: readonly Fix[];
  /** `unnecessary` fades the text in editors (used by `unused-person`). */
  readonly tags: readonly 'unnecessary'[];
}
