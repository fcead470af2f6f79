import type { ActivitySpec, CourseSpec, LessonFrontMatter, QuestionSpec, WorkshopSpec } from '../../schema';
import type { Token } from '../markdown';
import type { BlockNode } from '../render/blocks';
import type { SourceFile, SourceSet } from '../load/source';

/** A question block as written, with where it stands. */
export interface ParsedQuestion {
  spec: QuestionSpec;
  line: number;
}

/** An ```activity block as written. */
export interface ParsedActivity {
  spec: ActivitySpec;
  line: number;
}

/**
 * Markdown, a question, a `::: name` block (whose tokens are kept whole, for link and media checks), or
 * facilitator notes and activities: those are for the workshop kit only, the e-learning never shows them.
 */
export type ParsedBlock =
  | { kind: 'markdown'; tokens: Token[] }
  | { kind: 'question'; question: ParsedQuestion }
  | { kind: 'block'; node: BlockNode; tokens: Token[] }
  | { kind: 'facilitator'; markdown: string; line: number }
  | { kind: 'activity'; activity: ParsedActivity };

export interface ParsedPage {
  id: string;
  /** Heading text as inline tokens (may hold emphasis, code). */
  title: string;
  line: number;
  blocks: ParsedBlock[];
}

export interface ParsedLesson {
  id: string;
  lang: string;
  file: SourceFile;
  front: LessonFrontMatter;
  /** Line of each front-matter objective, for diagnostics. */
  objectiveLines: number[];
  /** Line of the front matter's stratify key (quiz), for diagnostics. */
  stratifyLine: number;
  /** Line where the Markdown body starts; token line maps count from it. */
  bodyLine: number;
  pages: ParsedPage[];
}

/** The course as validated: every later stage may trust it. */
export interface ValidatedCourse {
  source: SourceSet;
  spec: CourseSpec;
  /** Lessons in course order, per language. */
  lessons: Map<string, ParsedLesson[]>;
  /** Interface strings per language: ours, or the course's strings/<lang>.yaml over them. */
  strings: Map<string, Record<string, string>>;
  /** workshop.yaml, when present. */
  workshop?: WorkshopSpec;
}
