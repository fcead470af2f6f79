import type { CourseData } from '../../contract/course-data';
import type { Outcome, TrackingAdapter } from '../tracking/adapter';
import { Chrome, fill } from './chrome';
import { hideFeedback, lock, moveItem, readAnswer, showAnswer, showFeedback } from './questions';
import { isCorrect } from './scoring';
import { LearnerState } from './state';

/** The course player: pages, questions, quiz, and the checkpoints it hands to the tracking adapter. */
export class Player {
  private readonly chrome: Chrome;
  private readonly strings: Record<string, string>;
  private shownAt = Date.now();
  private lastOutcome = '';
  private ended = false;

  constructor(
    private readonly course: CourseData,
    private readonly state: LearnerState,
    private readonly adapter: TrackingAdapter,
  ) {
    this.strings = course.strings;
    this.chrome = new Chrome(this.strings);
    this.chrome.prev.addEventListener('click', () => this.go(this.state.page - 1));
    this.chrome.next.addEventListener('click', () => this.go(this.state.page + 1));
    document.addEventListener('click', (e) => this.onClick(e));
    this.chrome.page.addEventListener('submit', (e) => this.onSubmit(e));
  }

  start(notice: boolean, tracked: boolean): void {
    this.show(this.state.page, false);
    if (notice) this.chrome.notice(this.strings.notTracked ?? '');
    this.lastOutcome = JSON.stringify(this.state.outcome());
    if (tracked) {
      this.chrome.exit.hidden = false;
      this.chrome.exit.addEventListener('click', () => this.exit());
    }
    this.adapter.onSaveState((s) => {
      if (s === 'failed' || s === 'expired') this.chrome.notice((s === 'failed' ? this.strings.saveFailed : this.strings.sessionExpired) ?? '');
      this.chrome.showSaveState((s === 'saving' ? this.strings.saving : s === 'saved' ? this.strings.saved : s === 'offline' ? this.strings.offline : '') ?? '');
    });
  }

  go(index: number): void {
    if (index < 0 || index >= this.course.pages.length) return;
    if (index === this.state.page) {
      // A link to the page already shown (menu or text): still close the menu and land on the heading.
      this.chrome.toggleMenu(false);
      this.chrome.page.querySelector<HTMLElement>('h1')?.focus();
      return;
    }
    this.show(index, true);
  }

  private show(index: number, focus: boolean): void {
    const page = this.course.pages[index]!;
    const template = document.getElementById(`cp-page-${page.id}`) as HTMLTemplateElement | null;
    this.chrome.page.replaceChildren(template ? document.importNode(template.content, true) : '');
    this.state.page = index;
    this.state.visited[index] = true;
    this.shownAt = Date.now();
    if (this.course.quiz?.page === index) this.prepareQuiz();
    for (const form of this.forms()) this.restoreQuestion(form);
    this.chrome.toggleMenu(false);
    this.chrome.update(index, this.course.pages.map((p) => p.id), this.state.visited, this.state.outcome().progress);
    if (focus) {
      window.scrollTo(0, 0);
      this.chrome.page.querySelector<HTMLElement>('h1')?.focus();
    }
    this.adapter.pageViewed?.({ id: page.id, title: page.title, index });
    this.checkpoint();
  }

  private forms(): HTMLFormElement[] {
    return [...this.chrome.page.querySelectorAll<HTMLFormElement>('form[data-question]')];
  }

  private restoreQuestion(form: HTMLFormElement): void {
    const i = Number(form.dataset.question);
    const answer = this.state.answers[i];
    if (answer === undefined) return;
    const q = this.course.questions[i]!;
    showAnswer(form, q, answer);
    showFeedback(form, q, answer, isCorrect(q, answer), this.strings);
    lock(form, true);
  }

  /** Shows only the learner's drawn questions, numbered, in draw order. */
  private prepareQuiz(): void {
    const drawn = this.state.quizQuestions();
    const forms = new Map(this.forms().map((f) => [Number(f.dataset.question), f]));
    const anchor = this.forms()[0]?.parentElement;
    forms.forEach((form, i) => drawn.includes(i) || form.remove());
    drawn.forEach((i, n) => {
      const form = forms.get(i);
      if (!form || !anchor) return;
      anchor.insertBefore(form, this.chrome.page.querySelector('[data-quiz-result]'));
      const label = form.querySelector('[data-qnum]');
      if (label) label.textContent = fill(this.strings.questionOf, { n: n + 1, total: drawn.length });
    });
    this.showQuizResult();
  }

  /** Shows the quiz result; returns the score and verdict once the quiz is finished, to announce. */
  private showQuizResult(): string {
    const box = this.chrome.page.querySelector<HTMLElement>('[data-quiz-result]');
    if (!box) return '';
    const score = this.state.quizScore();
    const mastery = this.state.passMark ?? 0;
    const set = (sel: string, text: string) => {
      const el = box.querySelector(sel);
      if (el) el.textContent = text;
    };
    box.hidden = false;
    if (score === undefined) {
      set('[data-quiz-score]', fill(this.strings.quizPending, { total: this.state.quizQuestions().length }));
      set('[data-quiz-verdict]', '');
    } else {
      set('[data-quiz-score]', fill(this.strings.quizResult, { score, mastery }));
      set('[data-quiz-verdict]', (score >= mastery ? this.strings.quizPassed : this.strings.quizFailed) ?? '');
    }
    const retake = box.querySelector<HTMLElement>('[data-action=retake]');
    if (retake) retake.hidden = !(score !== undefined && score < mastery && this.course.quiz?.retake);
    const said = (sel: string) => box.querySelector(sel)?.textContent ?? '';
    return score === undefined ? '' : `${said('[data-quiz-score]')} ${said('[data-quiz-verdict]')}`;
  }

  private onSubmit(e: Event): void {
    const form = (e.target as HTMLElement).closest<HTMLFormElement>('form[data-question]');
    if (!form) return;
    e.preventDefault();
    const i = Number(form.dataset.question);
    const q = this.course.questions[i]!;
    const answer = readAnswer(form, q);
    if (answer === undefined || this.state.answers[i] !== undefined) return;
    this.state.answers[i] = answer;
    const correct = isCorrect(q, answer);
    const message = showFeedback(form, q, answer, correct, this.strings);
    lock(form, true);
    this.chrome.announce(message);
    const result = correct === undefined ? 'neutral' : correct ? 'correct' : 'incorrect';
    this.adapter.recordInteraction({ question: q, answer, result, latencyMs: Date.now() - this.shownAt, timestamp: new Date() });
    if (q.role === 'quiz') this.chrome.announce(this.showQuizResult());
    this.checkpoint();
  }

  private onClick(e: MouseEvent): void {
    const target = e.target as HTMLElement;
    const link = target.closest<HTMLAnchorElement>('a[data-page]');
    if (link) {
      e.preventDefault();
      this.go(this.course.pages.findIndex((p) => p.id === link.dataset.page));
      return;
    }
    const button = target.closest<HTMLButtonElement>('button');
    const form = button?.closest<HTMLFormElement>('form[data-question]');
    if (button?.dataset.move && form) {
      const position = moveItem(button, Number(button.dataset.move));
      button.focus();
      this.chrome.announce(`${position} / ${form.querySelectorAll('[data-item]').length}`);
    } else if (button?.dataset.action === 'retry' && form) {
      this.state.answers[Number(form.dataset.question)] = undefined;
      hideFeedback(form);
      lock(form, false);
      form.querySelector<HTMLElement>('input,select,textarea,button')?.focus();
      this.checkpoint();
    } else if (button?.dataset.action === 'retake') {
      this.state.retakeQuiz();
      this.show(this.state.page, true);
    }
  }

  /** Every change: bookmark to the adapter, and the outcome when it changed. */
  private checkpoint(): void {
    const pageId = this.course.pages[this.state.page]!.id;
    this.adapter.saveState(pageId, this.state.encode());
    const outcome: Outcome = this.state.outcome();
    const key = JSON.stringify(outcome);
    if (key !== this.lastOutcome) {
      const wasComplete = (JSON.parse(this.lastOutcome || '{}') as Outcome).completed;
      this.lastOutcome = key;
      this.adapter.reportOutcome(outcome);
      if (outcome.completed && !wasComplete) this.chrome.announce(this.strings.courseComplete ?? '');
    }
    this.chrome.update(this.state.page, this.course.pages.map((p) => p.id), this.state.visited, outcome.progress);
  }

  /** A one-time message from the tracking side (progress restored from this device). */
  tell(key: string): void {
    this.chrome.notice(this.strings[key] ?? '');
  }

  /** Learner-initiated exit: the one fully reliable close path (item 32). */
  exit(): void {
    if (this.ended) return;
    this.ended = true;
    this.adapter.flush();
    this.adapter.end();
    this.chrome.notice(this.strings.exited ?? '');
    this.chrome.exit.disabled = true;
  }
}
