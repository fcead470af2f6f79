import type { Context, Result } from '@xapi/xapi';
import type { CourseData } from '../../contract/course-data';
import type { Launch, Outcome } from './adapter';
import { LrsClient } from './lrs-client';
import type { TinCanLaunch } from './xapi-launch';
import { StatementSession } from './xapi-session';
import { activityRefs } from './xapi-statement';

/** Score as xAPI and cmi5 want it: scaled 0…1, raw an integer between min and max. */
export function scoreOf(percent: number): NonNullable<Result['score']> {
  return { scaled: Math.round(percent * 100) / 10000, raw: Math.round(percent), min: 0, max: 100 };
}

/**
 * Tin Can (xAPI) launch: initialized at start (the LMS sends launched), progressed, experienced and
 * answered as the learner goes, completed and passed once per registration, failed on each failed
 * attempt, suspended and terminated when leaving. Resume comes from the State API document.
 */
export class XapiAdapter extends StatementSession {
  private success: Outcome['success'] = 'unknown';
  private completed = false;

  constructor(private readonly launch: TinCanLaunch) {
    super();
    // Back from the back/forward cache after pagehide ended the session: the learner is here again.
    window.addEventListener('pageshow', (e) => {
      if (!e.persisted || !this.ended) return;
      this.ended = false;
      this.send('initialized');
      if (this.state.doc.bookmark) this.send('resumed');
    });
  }

  async start(course: CourseData): Promise<Launch> {
    const { launch } = this;
    const template: Context = launch.grouping ? { contextActivities: { grouping: activityRefs([launch.grouping]) } } : {};
    const activityId = launch.activityId ?? course.activityId;
    this.open(
      {
        client: new LrsClient(launch.endpoint, launch.auth),
        actor: launch.actor,
        registration: launch.registration,
        activityId,
        template,
        outboxKey: `coursepack:outbox:${launch.endpoint}|${activityId}|${JSON.stringify(launch.actor)}|${launch.registration ?? ''}`,
        mode: 'normal',
      },
      course,
    );
    await this.state.load();
    const { doc } = this.state;
    this.completed = !!doc.sent.completed;
    this.success = doc.sent.passed ? 'passed' : doc.sent.failed ? 'failed' : 'unknown';
    this.send('initialized');
    if (doc.bookmark) this.send('resumed');
    return { tracked: true, notice: false, mode: 'normal', bookmark: doc.bookmark, location: doc.location, learnerId: JSON.stringify(launch.actor), learnerName: launch.actor.name };
  }

  reportOutcome(outcome: Outcome): void {
    if (this.ended) return;
    this.progressed(outcome);
    if (outcome.completed && !this.completed) {
      this.completed = true;
      this.state.update({ sent: { completed: this.send('completed', { result: { completion: true, ...this.duration() } }) } });
    }
    if (outcome.success !== this.success) {
      this.success = outcome.success;
      if (outcome.success !== 'unknown') {
        const result: Result = { success: outcome.success === 'passed', ...this.duration() };
        if (outcome.score !== undefined) result.score = scoreOf(outcome.score);
        this.state.update({ sent: { [outcome.success]: this.send(outcome.success, { result }) } });
      }
    }
  }

  /** Once: suspended when there is more to do, then terminated; both may leave with keepalive. */
  end(): void {
    if (this.ended) return;
    if (!this.completed) this.send('suspended', { result: this.duration() });
    this.send('terminated', { result: this.duration() });
    this.ended = true;
    void this.finalFlush();
  }
}
