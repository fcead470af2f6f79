import type { CourseData } from '../../contract/course-data';
import { CommitScheduler } from './commit-scheduler';
import type { InteractionRecord, Launch, Outcome, SaveState, TrackingAdapter } from './adapter';
import type { Cmi, ScormDialect } from './scorm-dialect';
import { ScormMirror, type MirroredInteraction } from './scorm-mirror';
import { ScormSession } from './scorm-session';

/** Interactions written per session at most (item 36): keeps commits small on slow links. */
const MAX_INTERACTIONS = 250;
/** Exit: rounds of write–commit–terminate, within what a closing page allows. */
const EXIT_ROUNDS = 5;
const EXIT_BUDGET_MS = 3000;

const sameResult = (a?: Outcome, b?: Outcome) => a?.completed === b?.completed && a?.success === b?.success && a?.score === b?.score;

/**
 * The SCORM side of the player, for either version through its dialect. The player's calls only
 * queue values (and copy the checkpoint to the local mirror); the scheduler writes what changed and
 * commits after the page has painted. Whatever the LMS has not confirmed stays in the mirror and is
 * written back at the next launch.
 */
export class ScormAdapter implements TrackingAdapter {
  private readonly session: ScormSession;
  private readonly scheduler: CommitScheduler;
  private readonly startedAt = Date.now();
  /** Values to write, in the order the data model needs them (a changed value moves to the end). */
  private readonly pending = new Map<string, string>();
  private readonly cmi: Cmi = {
    get: (e) => this.session.get(e),
    set: (e, v) => {
      this.pending.delete(e);
      this.pending.set(e, v);
    },
  };
  private mode: Launch['mode'] = 'normal';
  private course?: CourseData;
  private mirror?: ScormMirror;
  private interactions: MirroredInteraction[] = [];
  private bookmark = '';
  private location = '';
  private nextInteraction = 0;
  private canRecord = false;
  private outcome?: Outcome;
  private ended = false;

  constructor(
    api: unknown,
    private readonly dialect: ScormDialect,
  ) {
    this.session = new ScormSession(dialect.calls(api), dialect.errors, dialect.elements.mode);
    this.scheduler = new CommitScheduler((full) => this.write(full) && this.commit());
    this.session.onExpired = () => this.scheduler.stop('expired');
  }

  /** Reads each launch value once, and only those this launch needs (every call may cost a round trip). */
  async start(course: CourseData): Promise<Launch> {
    const { session, dialect, cmi } = this;
    const el = dialect.elements;
    this.course = course;
    if (!session.initialize()) return { tracked: false, notice: true, mode: 'normal' };
    // The learner id first: it keys the mirror, which must work even if the session dies right away.
    const learnerId = session.get(el.learnerId);
    this.mode = dialect.parseMode(session.get(el.mode));
    // A brand-new attempt has no bookmark: reading one anyway is error 403 in SCORM 2004. Any other
    // entry ("resume", or "" as Moodle reports after a non-suspend exit) may carry one (item 25).
    const fresh = session.get(el.entry) === 'ab-initio';
    const lmsBookmark = fresh ? undefined : session.get(el.suspendData) || undefined;
    const launch: Launch = {
      tracked: true,
      notice: false,
      mode: this.mode,
      bookmark: lmsBookmark,
      masteryScore: course.mastery === undefined ? undefined : dialect.readMastery(cmi),
      learnerId: learnerId || undefined,
    };
    // Read only when the bookmark cannot place the learner (boot asks when it fails to decode).
    Object.defineProperty(launch, 'location', { get: () => (fresh ? undefined : session.get(el.location) || undefined), configurable: true });
    // The name is only for the certificate: read when the finish page shows it, once.
    let name: string | undefined;
    Object.defineProperty(launch, 'learnerName', { get: () => (name ??= session.get(el.learnerName)) || undefined });
    const [count, known] = session.read(el.interactionsCount);
    this.canRecord = known;
    this.nextInteraction = Number(count) || 0;
    if (this.mode !== 'normal') return launch;
    dialect.markAttempted(cmi);
    cmi.set(el.exit, dialect.exitValue(undefined));
    if (learnerId) {
      ScormMirror.prune();
      this.mirror = new ScormMirror(course.id, learnerId);
      const saved = this.mirror.record;
      if (saved && this.mirror.newerThan(lmsBookmark)) this.restore(saved, launch);
    }
    this.scheduler.checkpoint(true);
    return launch;
  }

  /** The LMS lacks the learner's last progress: resume from the mirror and send it back. */
  private restore(saved: NonNullable<ScormMirror['record']>, launch: Launch): void {
    Object.defineProperty(launch, 'location', { value: saved.location });
    launch.bookmark = this.bookmark = saved.bookmark;
    this.location = saved.location;
    launch.restored = true;
    this.outcome = saved.outcome;
    if (saved.outcome) this.dialect.writeOutcome(this.cmi, saved.outcome);
    for (const i of this.mirror!.rebase(this.nextInteraction)) {
      const question = this.course!.questions[i.q];
      if (question) this.recordInteraction({ question, answer: i.a, result: i.r, latencyMs: i.l, timestamp: new Date(i.t) });
    }
  }

  saveState(location: string, bookmark: string): void {
    if (this.mode !== 'normal') return;
    const { limits, elements } = this.dialect;
    this.location = location;
    this.bookmark = bookmark;
    if (location.length <= limits.location) this.cmi.set(elements.location, location);
    if (bookmark.length <= limits.suspendData) this.cmi.set(elements.suspendData, bookmark);
    this.mirrorState();
    this.scheduler.checkpoint();
  }

  /** Completion, success and score commit at once; progress alone rides with the next commit. */
  reportOutcome(outcome: Outcome): void {
    if (this.mode !== 'normal') return;
    const urgent = !sameResult(outcome, this.outcome);
    this.outcome = outcome;
    this.mirrorState();
    if (!urgent) return;
    this.dialect.writeOutcome(this.cmi, outcome);
    this.cmi.set(this.dialect.elements.exit, this.dialect.exitValue(outcome));
    this.scheduler.checkpoint(true);
  }

  recordInteraction(record: InteractionRecord): void {
    if (this.mode !== 'normal' || !this.canRecord || this.nextInteraction >= MAX_INTERACTIONS) return;
    const n = this.nextInteraction++;
    this.dialect.writeInteraction(this.cmi, n, record);
    const { question, answer, result, latencyMs, timestamp } = record;
    this.interactions.push({ n, q: this.course!.questions.indexOf(question), a: answer, r: result, l: latencyMs, t: timestamp.getTime() });
    this.mirrorState();
    this.scheduler.checkpoint(true);
  }

  flush(): void {
    this.scheduler.now();
  }

  /**
   * The exit path that cannot drop state (issue 10): write every pending value, commit (1.2) and
   * terminate; a refused commit or terminate is tried again, a few times within what a closing page
   * allows (3 s). What still fails stays in the mirror for the next launch.
   */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.scheduler.stop();
    const { session, dialect } = this;
    const deadline = Date.now() + EXIT_BUDGET_MS;
    if (this.mode === 'normal') this.cmi.set(dialect.elements.exit, dialect.exitValue(this.outcome));
    const tracked = session.open || session.expired;
    let confirmed = false;
    for (let round = 0; round < EXIT_ROUNDS && session.open && Date.now() < deadline; round++) {
      // Session time once: later rounds only retry what is left, so each costs two calls on a slow LMS.
      const written = this.mode !== 'normal' || this.write(round === 0);
      if (dialect.commitBeforeTerminate || round > 0) session.commit();
      if (session.terminate() && written) (confirmed = true), this.mirror?.confirm();
    }
    // Save and exit says "saved" only on this word; otherwise the mirror keeps it for the next launch.
    if (tracked) this.scheduler.stop(confirmed ? 'saved' : session.expired ? 'expired' : 'failed');
  }

  onSaveState(listener: (state: SaveState) => void): void {
    this.scheduler.onState(listener);
    if (this.session.expired) listener('expired');
  }

  /** Writes what changed; a full write also refreshes session time and progress (item 30). */
  private write(full: boolean): boolean {
    const { dialect, session } = this;
    if (full && this.mode === 'normal') {
      if (this.outcome) dialect.writeOutcome(this.cmi, this.outcome);
      this.cmi.set(dialect.elements.sessionTime, dialect.sessionTime(Date.now() - this.startedAt));
    }
    for (const [element, value] of this.pending) {
      // Stop at the first refusal: later values may depend on it (an interaction's id before its type).
      if (!session.set(element, value)) return false;
      this.pending.delete(element);
    }
    return true;
  }

  private commit(): boolean {
    if (!this.session.commit()) return false;
    this.mirror?.confirm();
    return true;
  }

  private mirrorState(): void {
    if (this.bookmark) this.mirror?.save({ bookmark: this.bookmark, location: this.location, outcome: this.outcome, interactions: this.interactions });
  }
}
