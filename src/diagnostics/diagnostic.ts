/** A content problem, located in a course file. Exceptions are for bugs and I/O, never for content. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Path relative to the current directory, as the designer typed it. */
  file: string;
  line: number;
  column: number;
  /** Stable rule id, e.g. "question/no-correct-answer", for docs and tests. */
  rule: string;
  message: string;
  hint?: string;
}

export class Diagnostics {
  readonly items: Diagnostic[] = [];

  error(file: string, line: number, rule: string, message: string, hint?: string, column = 1): void {
    this.items.push({ severity: 'error', file, line, column, rule, message, hint });
  }

  warn(file: string, line: number, rule: string, message: string, hint?: string, column = 1): void {
    this.items.push({ severity: 'warning', file, line, column, rule, message, hint });
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}

/** Thrown by build() when content has errors; carries every diagnostic so the CLI can print them all. */
export class ContentError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(`${diagnostics.filter((d) => d.severity === 'error').length} content error(s)`);
  }
}
