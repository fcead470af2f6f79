import type { AnswerShape } from '../bookmark/codec';

/**
 * What the compiler embeds in index.html (`<script type="application/json" id="cp-data">`) for the
 * runtime. The one contract between the two sides: types only, no Node, no DOM.
 */
export type InteractionType = 'true-false' | 'choice' | 'fill-in' | 'long-fill-in' | 'matching' | 'sequencing' | 'likert';

export interface RuntimeQuestion {
  id: string;
  /** Course question type (single-choice, …, scenario). */
  type: string;
  /** The standards' interaction type it is reported as. */
  interaction: InteractionType;
  role: 'check' | 'scenario' | 'quiz' | 'survey';
  page: number;
  shape: AnswerShape;
  /** Plain-text prompt, for interaction descriptions. */
  prompt: string;
  /** Plain-text labels: options, true/false, likert scale points, or ordering items in correct order. */
  choices?: string[];
  /** Matching: plain-text sources and targets (target i is the answer of source i). */
  sources?: string[];
  targets?: string[];
  /** Sorting: the category (target) of each card (source); matching has source i → target i. */
  key?: number[];
  /** The page counts as done only once this is answered. */
  required?: true;
  /** Option indexes that are correct (choice, scenario's best option, true-false: 0 = true, 1 = false). */
  correct?: number[];
  /** Fill-in: accepted answers and whether case matters. */
  accepted?: string[];
  caseSensitive?: boolean;
}

export interface CourseData {
  id: string;
  version: string;
  lang: string;
  title: string;
  activityId: string;
  hash: string;
  pages: { id: string; title: string; lesson: number }[];
  lessons: { id: string; title: string }[];
  questions: RuntimeQuestion[];
  /** Tracked blocks (bookmark bit = index): the page they stand on, and whether the page needs them done. */
  blocks?: { page: number; required?: true }[];
  /** strata/min: a stratified draw takes at least `min` question indexes from each stratum. */
  quiz?: { page: number; bank: number[]; draw: number; retake: boolean; strata?: number[][]; min?: number };
  completion: { pagesViewed: number; quizPassed: boolean };
  /** Pass mark 0–100 from the course; an LMS-supplied mastery score wins. */
  mastery?: number;
  strings: Record<string, string>;
}
