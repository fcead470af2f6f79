/**
 * A translation unit: one translatable string of the course (a paragraph, a heading, a table cell,
 * an option, a title…) as text runs and inline codes. Codes stand for Markdown syntax the
 * translator must keep but never types: `**`, `[`…`](href)`, `` `code` ``.
 */
export type CodeType = 'bold' | 'italic' | 'strike' | 'link' | 'image' | 'code' | 'break' | 'autolink' | 'var';

export type Run =
  | { kind: 'text'; text: string }
  /** Start of a paired code (XLIFF 2.0 pc / 1.2 bpt); `data` is the Markdown it stands for. */
  | { kind: 'open'; id: string; type: CodeType; data: string }
  /** End of a paired code (pc end / ept). */
  | { kind: 'close'; id: string; type: CodeType; data: string }
  /** A standalone code (ph) such as inline code or a bare URL. */
  | { kind: 'ph'; id: string; type: CodeType; data: string };

export interface Unit {
  /** Stable within its file: derived from page ids, block positions, question and option ids. */
  id: string;
  runs: Run[];
  /** Context for the translator: where the string stands, what it is, limits. */
  notes: string[];
  /** Longest text the learner interface accepts, in characters (fill-in answers). */
  maxLength?: number;
}

/** One source file of the course and its units, in document order. */
export interface SourceDocument {
  /** Course-relative path of the source-language file. */
  path: string;
  units: Unit[];
}

export const textOf = (runs: readonly Run[]): string => runs.map((r) => (r.kind === 'text' ? r.text : '')).join('');

/** Text with every code's own characters: for strings that are not Markdown. */
export const plainOf = (runs: readonly Run[]): string => runs.map((r) => (r.kind === 'text' ? r.text : r.data)).join('');
