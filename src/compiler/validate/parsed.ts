import type { CourseSpec, LessonFrontMatter, QuestionSpec } from '../../schema';
import type { Token } from '../markdown';
import type { BlockNode } from '../render/blocks';
import type { SourceFile, SourceSet } from '../load/source';

/** A question block as written, with where it stands. */
export interface ParsedQuestion {
  spec: QuestionSpec;
  line: number;
}

/** Markdown, a question, or a `::: name` block (whose tokens are kept whole, for link and media checks). */
export type ParsedBlock = { kind: 'markdown'; tokens: Token[] } | { kind: 'question'; question: ParsedQuestion } | { kind: 'block'; node: BlockNode; tokens: Token[] };

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
}
