import type { ActivitySpec, CourseSpec, DeliveryMode, LessonKind, QuestionSpec, TargetId } from '../../schema';
import type { AnswerShape } from '../../bookmark/codec';
import type { Token } from '../markdown';
import type { BlockNode } from '../render/blocks';
import type { SourceFile } from '../load/source';
import type { ObjectiveCoverage } from '../validate';

export type QuestionRole = 'check' | 'scenario' | 'quiz' | 'survey';

export interface QuestionModel {
  id: string;
  /** Position in the course (same in every language): its slot in the bookmark. */
  index: number;
  pageId: string;
  role: QuestionRole;
  spec: QuestionSpec;
  shape: AnswerShape;
}

export type PageBlock = { kind: 'markdown'; tokens: Token[] } | { kind: 'question'; question: QuestionModel } | { kind: 'block'; node: BlockNode; tokens: Token[] };

/** A block whose done state is kept in the bookmark (accordion, tabs, continue gate…). */
export interface TrackedBlock {
  name: string;
  pageIndex: number;
  required: boolean;
}

export interface PageModel {
  id: string;
  index: number;
  lessonIndex: number;
  kind: LessonKind;
  title: string;
  blocks: PageBlock[];
  /** Facilitator notes (Markdown), for the workshop kit only. */
  notes: string[];
  /** Ids of the activities written on this page. */
  activityIds: string[];
}

/** A facilitated activity, in this model's language. */
export interface ActivityModel {
  spec: ActivitySpec;
  pageId: string;
  lessonIndex: number;
}

/** One line of a session's agenda, timed. */
export type AgendaItem = { start: string; minutes: number; title: string } & (
  | { kind: 'pages'; lessonId: string; pageIds: string[] }
  | { kind: 'activity'; activityId: string }
  | { kind: 'break' }
  | { kind: 'plenary' }
);

export interface SessionModel {
  title: string;
  day: number;
  start: string;
  end: string;
  minutes: number;
  items: AgendaItem[];
}

export interface DeliveryModel {
  id: string;
  title: string;
  mode: DeliveryMode;
  sessions: SessionModel[];
}

/** workshop.yaml in this model's language. */
export interface WorkshopModel {
  audience: string;
  preparation: string[];
  deliveries: DeliveryModel[];
}

export interface HandoutModel {
  title: string;
  /** Course-relative source path. */
  source: string;
  /** Path inside the package: .md handouts become .html pages. */
  href: string;
  /** The Markdown file, when the handout is rendered to a printable page. */
  markdown?: SourceFile;
}

export interface LessonModel {
  id: string;
  index: number;
  kind: LessonKind;
  title: string;
  duration?: number;
  cover?: string;
  pageIds: string[];
  handouts: HandoutModel[];
  /** The lesson file, for relative links inside it. */
  file: SourceFile;
}

export interface QuizModel {
  pageId: string;
  questionIds: string[];
  draw: number;
  retake: boolean;
  /** Stratified draw: at least `min` questions from each group of bank question ids. */
  stratify?: { per: 'lesson' | 'objective'; min: number; strata: string[][] };
}

/**
 * The generated pages around the lessons, in this language; a page turned off is undefined.
 * Texts are the author's Markdown.
 */
export interface FrameModel {
  welcome?: { text?: string };
  lessonStart: boolean;
  finish?: { text?: string };
  certificate?: { signature?: string };
  accessibility?: { contact?: string; text?: string };
}

/** One language of a course, ready to render: every later stage reads only this. */
export interface CourseModel {
  id: string;
  version: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  languages: string[];
  /** Interface strings (buttons, labels) in this language. */
  strings: Record<string, string>;
  title: string;
  description: string;
  organization: string;
  frame: FrameModel;
  lessons: LessonModel[];
  pages: PageModel[];
  questions: QuestionModel[];
  /** In course order; index = the block's bookmark bit. */
  trackedBlocks: TrackedBlock[];
  /** Runtime scripts and stylesheets of the block families this language uses: others ship nothing. */
  blockAssets: { scripts: string[]; styles: string[] };
  /** Facilitated activities, in course order. */
  activities: ActivityModel[];
  /** How the course is delivered as a workshop, when it has a workshop.yaml. */
  workshop?: WorkshopModel;
  quiz?: QuizModel;
  /** Lesson objectives in this language, with the questions that assess them. */
  objectives: ObjectiveCoverage[];
  completion: { pagesViewed: number; quizPassed: boolean };
  /** Pass mark 0–100, when the course has a quiz. */
  masteryScore?: number;
  targets: TargetId[];
  activityId: string;
  /** primaryDark: the primary colour's tint that keeps AA contrast in the dark scheme. */
  theme: { primaryColor: string; primaryDark: string; fontStack: string; logo?: string; logoAlt?: string; fontFile?: string; coverImage?: string; colorScheme: 'auto' | 'light' };
  /** Course-relative paths of every file the package must carry as it is (linked files, non-Markdown handouts, logo). */
  assets: string[];
  /** Course-relative paths of every image shown on a page; the media stage decides the files they ship as. */
  images: string[];
  /** Markdown handouts (and other .md files linked from lessons) rendered as printable pages. */
  printables: HandoutModel[];
  /** Ties bookmarks to this course structure. */
  structureHash: string;
  /** Absolute folder of the course source, to read assets. */
  sourceDir: string;
  spec: CourseSpec;
}
