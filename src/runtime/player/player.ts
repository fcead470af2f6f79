import type { Answer } from '../../bookmark/codec';
import type { CourseData, RuntimeQuestion } from '../../contract/course-data';
import type { Outcome, SaveState, TrackingAdapter } from '../tracking/adapter';
import { Chrome, fill } from './chrome';
import { displayName, fillFinish, fillWelcome, type FrameScreen } from './frame';
import { hideFeedback, lock, moveItem, readAnswer, showAnswer, showFeedback } from './questions';
import { isCorrect } from './scoring';
import { LearnerState } from './state';

/** The notice for each save state that needs the learner's attention. */
const NOTICE = { failed: 'saveFailed', expired: 'sessionExpired', unrecorded: 'launchNotRecorded' } as const;

/** The course player: pages, questions, quiz, and the checkpoints it hands to the tracking adapter. */
export class Player {
  private readonly chrome: Chrome;
  private readonly strings: Record<string, string>;
  private shownAt = Date.now();
  private readonly startedAt = Date.now();
  private lastOutcome = '';
  private ended = false;
  /** The tracking side's last word on saving: Save and exit tells the truth from it. */
  private saveState?: SaveState;
  /** The generated page on screen, if any; state.page stays the learner's place in the lessons. */
  private screen?: FrameScreen;
  /** Where the accessibility statement returns to. */
  private before?: FrameScreen;
  /** The learner's name from the LMS/LRS, asked for only when the certificate shows. */
  private learnerName: () => string | undefined = () => undefined;
  private adopted = false;
  /** Attempts per question in this session: a check question reveals its answer after the second wrong one. */
  private readonly attempts: number[] = [];

  constructor(
    private readonly course: CourseData,
    private readonly state: LearnerState,
    private readonly adapter: TrackingAdapter,
  ) {
    this.strings = course.strings;
    this.chrome = new Chrome(this.strings);
    this.chrome.prev.addEventListener('click', () => this.step(-1));
    this.chrome.next.addEventListener('click', () => this.step(1));
    document.addEventListener('click', (e) => this.onClick(e));
    this.chrome.page.addEventListener('submit', (e) => this.onSubmit(e));
    // An answer being given hides the "choose an answer first" message.
    this.chrome.page.addEventListener('change', (e) => {
      const note = (e.target as HTMLElement).closest('form')?.querySelector<HTMLElement>('[data-no-answer]');
      if (note) note.hidden = true;
    });
    this.chrome.page.addEventListener('cp-done', (e) => this.onBlockDone(e.target as HTMLElement));
  }

  start(notice: boolean, tracked: boolean, learnerName?: () => string | undefined): void {
    if (learnerName) this.learnerName = learnerName;
    if (!this.open('welcome', false)) this.show(this.state.page, false);
    if (notice) this.chrome.notice(this.strings.notTracked ?? '');
    this.lastOutcome = JSON.stringify(this.state.outcome());
    if (tracked) {
      this.chrome.exit.hidden = false;
      this.chrome.exit.addEventListener('click', () => this.exit());
    }
    this.adapter.onSaveState((s) => {
      this.saveState = s;
      if (this.ended) return this.exitNotice();
      if (s === 'failed' || s === 'expired' || s === 'unrecorded') this.chrome.notice(this.strings[NOTICE[s]] ?? '');
      this.chrome.showSaveState((s === 'saving' ? this.strings.saving : s === 'saved' ? this.strings.saved : s === 'offline' ? this.strings.offline : '') ?? '');
    });
  }

  /** Previous / Next: the welcome page comes before the first page, the finish page after the last. */
  private step(by: number): void {
    const n = this.course.pages.length;
    if (this.screen === 'accessibility') return this.back();
    const at = (this.screen === 'welcome' ? -1 : this.screen === 'finish' ? n : this.state.page) + by;
    if (at < 0) this.open('welcome', true);
    else if (at >= n) this.open('finish', true);
    else this.go(at);
  }

  /** Shows a generated page; false when the course has it turned off. */
  open(screen: FrameScreen, focus: boolean): boolean {
    const template = document.getElementById(`cp-frame-${screen}`) as HTMLTemplateElement | null;
    if (!template) return false;
    this.adopt(`[data-screen=${screen}]`, template);
    if (screen === 'accessibility' && this.screen !== screen) this.before = this.screen;
    this.screen = screen;
    const root = this.chrome.page;
    if (screen === 'welcome') fillWelcome(root, this.course, this.state);
    if (screen === 'finish') fillFinish(root, this.course, this.state, this.startedAt, () => displayName(this.learnerName()));
    this.chrome.toggleMenu(false);
    this.updateChrome();
    if (focus) this.focusHeading();
    return true;
  }

  /** The first time, keeps the page the build already put in the HTML (on screen before this script ran). */
  private adopt(selector: string, template: HTMLTemplateElement | null): void {
    const first = !this.adopted;
    this.adopted = true;
    if (first && this.chrome.page.querySelector(`:scope>${selector}`)) return;
    this.chrome.page.replaceChildren(template ? document.importNode(template.content, true) : '');
  }

  private back(): void {
    if (!this.before || !this.open(this.before, true)) this.show(this.state.page, true);
  }

  private focusHeading(): void {
    window.scrollTo(0, 0);
    this.chrome.page.querySelector<HTMLElement>('h1')?.focus();
  }

  go(index: number): void {
    if (index < 0 || index >= this.course.pages.length) return;
    if (index === this.state.page && !this.screen) {
      // A link to the page already shown (menu or text): still close the menu and land on the heading.
      this.chrome.toggleMenu(false);
      this.chrome.page.querySelector<HTMLElement>('h1')?.focus();
      return;
    }
    this.show(index, true);
  }

  private show(index: number, focus: boolean): void {
    const page = this.course.pages[index]!;
    this.adopt(`[data-page="${page.id}"]`, document.getElementById(`cp-page-${page.id}`) as HTMLTemplateElement | null);
    this.screen = undefined;
    this.state.page = index;
    this.state.visited[index] = true;
    this.shownAt = Date.now();
    if (this.course.quiz?.page === index) this.prepareQuiz();
    for (const form of this.forms()) this.restoreQuestion(form);
    for (const el of this.chrome.page.querySelectorAll<HTMLElement>('[data-track]')) el.toggleAttribute('data-done', !!this.state.blocks[Number(el.dataset.track)]);
    // Block scripts (shipped only with courses that use them) set themselves up on the new page.
    document.dispatchEvent(new CustomEvent('cp-page'));
    this.chrome.toggleMenu(false);
    if (focus) this.focusHeading();
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
    this.attempts[i] = Math.max(this.attempts[i] ?? 0, 1);
    this.feedback(form, q, answer);
  }

  /** Feedback and lock for an answer; the right answer shows once no attempt is left. */
  private feedback(form: HTMLFormElement, q: RuntimeQuestion, answer: Answer): HTMLElement | undefined {
    const correct = isCorrect(q, answer);
    const used = q.role === 'quiz' || (q.role === 'check' && (this.attempts[Number(form.dataset.question)] ?? 0) >= 2);
    const box = showFeedback(form, q, answer, correct, this.strings, used);
    lock(form, true, !(used && correct === false));
    return box;
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
    if (this.state.answers[i] !== undefined) return;
    const note = form.querySelector<HTMLElement>('[data-no-answer]');
    if (note) note.hidden = answer !== undefined;
    if (answer === undefined) return this.chrome.announce(note?.textContent ?? '');
    this.state.answers[i] = answer;
    this.attempts[i] = (this.attempts[i] ?? 0) + 1;
    const correct = isCorrect(q, answer);
    // Focus reads the feedback once; the live region is kept for what follows (quiz score, completion).
    this.feedback(form, q, answer)?.focus();
    const result = correct === undefined ? 'neutral' : correct ? 'correct' : 'incorrect';
    this.adapter.recordInteraction({ question: q, answer, result, latencyMs: Date.now() - this.shownAt, timestamp: new Date() });
    if (q.role === 'quiz') this.chrome.announce(this.showQuizResult());
    this.checkpoint();
  }

  /** A block script reports its block done: kept in the bookmark, counted for completion. */
  private onBlockDone(el: HTMLElement): void {
    const i = Number(el.dataset.track);
    if (el.dataset.track === undefined || this.state.blocks[i]) return;
    this.state.blocks[i] = true;
    el.setAttribute('data-done', '');
    this.checkpoint();
  }

  private onClick(e: MouseEvent): void {
    const target = e.target as HTMLElement;
    const link = target.closest<HTMLAnchorElement>('a[data-page],a[data-screen]');
    if (link) {
      e.preventDefault();
      const screen = link.dataset.screen as FrameScreen | undefined;
      if (screen) this.open(screen, true);
      else this.go(this.course.pages.findIndex((p) => p.id === link.dataset.page));
      return;
    }
    const button = target.closest<HTMLButtonElement>('button');
    if (button?.dataset.action === 'start') return this.show(this.state.page, true);
    if (button?.dataset.action === 'print') return window.print();
    if (button?.dataset.action === 'back') return this.back();
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
    this.updateChrome();
  }

  private updateChrome(): void {
    const n = this.course.pages.length;
    this.chrome.update(this.state.page, this.course.pages.map((p) => p.id), this.state.visited, this.state.outcome().progress, this.screen);
    const has = (screen: FrameScreen) => !!document.getElementById(`cp-frame-${screen}`);
    this.chrome.prev.disabled = this.screen === 'welcome' || this.screen === 'accessibility' || (!this.screen && this.state.page === 0 && !has('welcome'));
    this.chrome.next.disabled = this.screen === 'finish' || (!this.screen && this.state.page === n - 1 && !has('finish'));
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
    this.exitNotice();
    this.chrome.exit.disabled = true;
  }

  /**
   * After Save and exit: "saved" only when the LMS/LRS took it; while it is still being sent, say so;
   * when it refused (expired session, failed commits, offline) the progress waits on this device.
   */
  private exitNotice(): void {
    const s = this.saveState;
    const key = s === 'saving' ? 'saving' : s === 'failed' || s === 'expired' || s === 'offline' ? 'exitedOnDevice' : 'exited';
    this.chrome.notice(this.strings[key] ?? '');
  }
}
