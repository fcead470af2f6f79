import { decodeBookmark, encodeBookmark, type Answer, type BookmarkLayout } from '../../bookmark/codec';
import type { CourseData } from '../../contract/course-data';
import type { Outcome } from '../tracking/adapter';
import { drawQuestions, newSeed } from './quiz';
import { isCorrect } from './scoring';

/**
 * The learner's state in memory: the one source of truth (item 2). The LMS only receives copies
 * (bookmark, outcome) at checkpoints.
 */
export class LearnerState {
  visited: boolean[];
  answers: (Answer | undefined)[];
  /** Done state of each tracked block (accordion all opened, every card flipped, gate passed…). */
  blocks: boolean[];
  page = 0;
  session = 0;
  quizSeed = 0;
  private readonly layout: BookmarkLayout;

  constructor(
    private readonly course: CourseData,
    private mastery: number | undefined,
  ) {
    this.layout = { hash: course.hash, pageCount: course.pages.length, shapes: course.questions.map((q) => q.shape), blockCount: course.blocks?.length };
    this.visited = course.pages.map(() => false);
    this.answers = course.questions.map(() => undefined);
    this.blocks = (course.blocks ?? []).map(() => false);
  }

  /** Restores a bookmark of this course build; false when it is missing or from another build. */
  restore(bookmark: string | undefined): boolean {
    const saved = bookmark ? decodeBookmark(this.layout, bookmark) : undefined;
    if (!saved) return false;
    this.visited = saved.visited;
    this.answers = saved.answers;
    this.blocks = saved.blocks ?? this.blocks;
    this.page = saved.page;
    this.session = saved.session;
    this.quizSeed = saved.quizSeed;
    return true;
  }

  encode(): string {
    return encodeBookmark(this.layout, { visited: this.visited, answers: this.answers, page: this.page, session: this.session, quizSeed: this.quizSeed, blocks: this.blocks });
  }

  /** Question indexes of the learner's quiz, drawing once (the seed is kept in the bookmark). */
  quizQuestions(): number[] {
    const quiz = this.course.quiz;
    if (!quiz) return [];
    if (!this.quizSeed) this.quizSeed = newSeed();
    return drawQuestions(quiz.bank, quiz.draw, this.quizSeed, quiz.strata, quiz.min);
  }

  retakeQuiz(): void {
    for (const i of this.course.quiz?.bank ?? []) this.answers[i] = undefined;
    this.quizSeed = newSeed();
  }

  /** Percent score once every drawn question is answered. */
  quizScore(): number | undefined {
    const drawn = this.quizQuestions();
    if (!drawn.length || drawn.some((i) => this.answers[i] === undefined)) return undefined;
    const right = drawn.filter((i) => isCorrect(this.course.questions[i]!, this.answers[i]!)).length;
    return Math.round((right / drawn.length) * 10000) / 100;
  }

  get passMark(): number | undefined {
    return this.mastery;
  }

  outcome(): Outcome {
    // A page counts once seen and its required blocks are done.
    const pending = new Set([
      ...(this.course.blocks ?? []).flatMap((b, i) => (b.required && !this.blocks[i] ? [b.page] : [])),
      ...this.course.questions.flatMap((q, i) => (q.required && this.answers[i] === undefined ? [q.page] : [])),
    ]);
    const pages = this.visited.filter((v, i) => v && !pending.has(i)).length / Math.max(this.visited.length, 1);
    const pagesDone = pages * 100 >= this.course.completion.pagesViewed - 1e-9;
    const score = this.quizScore();
    const success = score === undefined || this.mastery === undefined ? 'unknown' : score >= this.mastery ? 'passed' : 'failed';
    const hasQuiz = !!this.course.quiz;
    // Completion needs the quiz finished (pass or fail: a failed 2004 learner is completed+failed, item 21).
    const completed = pagesDone && (!hasQuiz || score !== undefined);
    const gated = this.course.completion.quizPassed || success === 'unknown';
    return { progress: pages, completed, success: gated ? success : 'unknown', score };
  }
}
