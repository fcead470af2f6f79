import type { CourseData } from '../../contract/course-data';
import { CommitScheduler } from './commit-scheduler';
import type { InteractionRecord, Launch, Outcome, SaveState, TrackingAdapter } from './adapter';
import type { ScormDialect } from './scorm-dialect';
import { ScormSession } from './scorm-session';

/** Interactions written per session at most (item 36): keeps commits small on slow links. */
const MAX_INTERACTIONS = 250;

/** The SCORM side of the player, for either version through its dialect. */
export class ScormAdapter implements TrackingAdapter {
  private readonly session: ScormSession;
  private readonly scheduler: CommitScheduler;
  private readonly startedAt = Date.now();
  private mode: Launch['mode'] = 'normal';
  private nextInteraction = 0;
  private interactions = false;
  private outcome?: Outcome;

  constructor(
    api: unknown,
    private readonly dialect: ScormDialect,
  ) {
    this.session = new ScormSession(dialect.calls(api), dialect.unsupportedCodes, dialect.notInitialisedCode);
    this.scheduler = new CommitScheduler(() => this.commit());
  }

  async start(course: CourseData): Promise<Launch> {
    const { session, dialect } = this;
    const el = dialect.elements;
    if (!session.initialize()) return { tracked: false, notice: true, mode: 'normal' };
    this.mode = dialect.parseMode(session.get(el.mode));
    // A brand-new attempt has no bookmark: reading one anyway is error 403 in SCORM 2004. Any other
    // entry ("resume", or "" as Moodle reports after a non-suspend exit) may carry one (item 25).
    const fresh = session.get(el.entry) === 'ab-initio';
    const launch: Launch = {
      tracked: true,
      notice: false,
      mode: this.mode,
      bookmark: fresh ? undefined : session.get(el.suspendData) || undefined,
      location: fresh ? undefined : session.get(el.location) || undefined,
      masteryScore: course.mastery === undefined ? undefined : dialect.readMastery(session),
      learnerId: session.get(el.learnerId) || undefined,
    };
    this.interactions = session.supports(el.interactionsCount);
    this.nextInteraction = Number(session.get(el.interactionsCount)) || 0;
    if (this.mode === 'normal') {
      dialect.markAttempted(session);
      session.set(el.exit, dialect.exitValue(undefined));
      this.scheduler.checkpoint();
    }
    return launch;
  }

  saveState(location: string, bookmark: string): void {
    if (this.mode !== 'normal') return;
    const { limits, elements } = this.dialect;
    if (location.length <= limits.location) this.session.set(elements.location, location);
    if (bookmark.length <= limits.suspendData) this.session.set(elements.suspendData, bookmark);
    this.scheduler.checkpoint();
  }

  reportOutcome(outcome: Outcome): void {
    if (this.mode !== 'normal') return;
    this.outcome = outcome;
    this.dialect.writeOutcome(this.session, outcome);
    this.session.set(this.dialect.elements.exit, this.dialect.exitValue(outcome));
    this.scheduler.checkpoint();
  }

  recordInteraction(record: InteractionRecord): void {
    if (this.mode !== 'normal' || !this.interactions || this.nextInteraction >= MAX_INTERACTIONS) return;
    this.dialect.writeInteraction(this.session, this.nextInteraction++, record);
    this.scheduler.checkpoint();
  }

  flush(): void {
    this.scheduler.now();
  }

  /** Terminate once; SCORM 2004 commits implicitly in Terminate (item 31), so the dialect decides. */
  end(): void {
    if (!this.session.open) return;
    this.scheduler.stop();
    if (this.mode === 'normal') {
      this.session.set(this.dialect.elements.sessionTime, this.dialect.sessionTime(Date.now() - this.startedAt));
      this.session.set(this.dialect.elements.exit, this.dialect.exitValue(this.outcome));
    }
    this.session.terminate();
  }

  onSaveState(listener: (state: SaveState) => void): void {
    this.scheduler.onState(listener);
  }

  /** Session time is refreshed at every commit, so a lost Terminate still leaves a sensible value (item 30). */
  private commit(): boolean {
    if (this.mode === 'normal') this.session.set(this.dialect.elements.sessionTime, this.dialect.sessionTime(Date.now() - this.startedAt));
    return this.session.commit();
  }
}
