import type { Extensions, Result } from '@xapi/xapi';
import type { CourseData } from '../../contract/course-data';
import { CMI5, type Cmi5LaunchData } from '../../standards/cmi5';
import type { Launch, LaunchMode, Outcome, SaveState } from './adapter';
import { fetchAuthToken, readCmi5Launch, readLaunchData, readLearnerPreferences, SessionRecord, type Cmi5Params } from './cmi5-launch';
import { cmi5OutcomeStatements } from './cmi5-rules';
import { settleEarlierSessions } from './cmi5-sessions';
import { LrsClient } from './lrs-client';
import { scoreOf } from './xapi-adapter';
import { activityRefs } from './xapi-statement';
import { StatementSession } from './xapi-session';

export { readCmi5Launch };

const MODES: Record<Cmi5LaunchData['launchMode'], LaunchMode> = { Normal: 'normal', Browse: 'browse', Review: 'review' };

/**
 * A cmi5 AU session: fetch-URL token kept for reloads, LMS.LaunchData's contextTemplate in every
 * statement, cmi5 defined statements in the allowed order and number (initialized first, completed
 * and passed once per registration, terminated last), then the returnURL.
 */
export class Cmi5Adapter extends StatementSession {
  private readonly record: SessionRecord;
  private launchData?: Cmi5LaunchData;
  private reported: Outcome['success'] = 'unknown';
  /** Why nothing can be sent (no token, no launch data, session already terminated). */
  private closed?: SaveState;
  /** Set by pagehide before the player's own pagehide handler calls end(). */
  private pageHiding = false;

  constructor(private readonly params: Cmi5Params) {
    super();
    this.record = new SessionRecord(params.fetchUrl);
    // Capture phase, registered before the player's: end() must know it runs for a pagehide, and
    // document.visibilityState is still "visible" during pagehide.
    window.addEventListener('pagehide', () => (this.pageHiding = true), { capture: true });
    window.addEventListener('pageshow', () => (this.pageHiding = false));
  }

  async start(course: CourseData): Promise<Launch> {
    const p = this.params;
    if (this.record.value?.terminated) return this.close('this AU session was terminated; relaunch it from the LMS');
    let token = this.record.value?.token;
    if (!token) {
      const got = await fetchAuthToken(p.fetchUrl);
      // Refused (this launch is used up) or unreachable: nothing of it can be recorded; relaunch.
      if ('error' in got) return this.close(got.error);
      token = got.token;
      this.record.save({ token });
    }
    const client = new LrsClient(p.endpoint, `Basic ${token}`);
    const launchData = (await readLaunchData(client, p)) ?? this.record.value?.launchData;
    if (!launchData?.contextTemplate) return this.close('LMS.LaunchData could not be read');
    this.launchData = launchData;
    this.record.save({ launchData });
    await readLearnerPreferences(client, p.actor);
    const sessionId = String(launchData.contextTemplate.extensions?.[CMI5.extensions.sessionId] ?? '');
    const mode = MODES[launchData.launchMode] ?? 'normal';
    const outboxKey = `coursepack:cmi5-outbox:${p.registration}:${sessionId}`;
    this.open({ client, actor: p.actor, registration: p.registration, activityId: p.activityId, template: launchData.contextTemplate, outboxKey, mode }, course);
    await this.state.load();
    await settleEarlierSessions(client, this.state, `coursepack:cmi5-outbox:${p.registration}:`, outboxKey);
    const { sent, bookmark, location } = this.state.doc;
    this.reported = sent.passed ? 'passed' : sent.failed ? 'failed' : 'unknown';
    if (!this.record.value?.initialized) {
      this.defined('initialized');
      this.record.save({ initialized: true });
      if (bookmark) this.send('resumed');
    }
    const mastery = launchData.masteryScore;
    return { tracked: true, notice: false, mode, bookmark, location, masteryScore: mastery === undefined ? undefined : Math.round(mastery * 10000) / 100, learnerId: JSON.stringify(p.actor), learnerName: p.actor.name };
  }

  reportOutcome(outcome: Outcome): void {
    if (this.closed || this.ended) return;
    if (this.mode === 'normal') this.progressed(outcome);
    if (outcome.success === 'unknown') this.reported = 'unknown';
    const mastery = this.launchData?.masteryScore;
    const history = { sent: this.state.doc.sent, judged: !!this.record.value?.judged, reported: this.reported, masteryScore: mastery };
    for (const verb of cmi5OutcomeStatements(outcome, this.mode, history)) {
      if (verb === 'completed') {
        this.state.update({ sent: { completed: this.defined('completed', { completion: true, ...this.duration() }) } });
        continue;
      }
      const result: Result = { success: verb === 'passed', ...this.duration() };
      if (outcome.score !== undefined) result.score = scoreOf(outcome.score);
      const extensions: Extensions | undefined = mastery === undefined ? undefined : { [CMI5.extensions.masteryScore]: mastery };
      this.record.save({ judged: true });
      this.reported = verb;
      this.state.update({ sent: { [verb]: this.defined(verb, result, extensions) } });
    }
  }

  saveState(location: string, bookmark: string): void {
    if (!this.closed) super.saveState(location, bookmark);
  }

  recordInteraction(...args: Parameters<StatementSession['recordInteraction']>): void {
    if (!this.closed) super.recordInteraction(...args);
  }

  pageViewed(...args: Parameters<StatementSession['pageViewed']>): void {
    if (!this.closed) super.pageViewed(...args);
  }

  flush(): void {
    if (!this.closed) super.flush();
  }

  /**
   * On the learner's exit: terminated once, last, then the LMS's returnURL once it is delivered.
   * On pagehide only what is queued is sent: a reload continues this very session (the token is in
   * sessionStorage, item 44), which a terminated would end for good; a tab closed for good is the
   * LMS's to mark abandoned (§9.3.6), and Save and exit is the learner's reliable way out.
   */
  end(): void {
    if (this.ended || this.closed) return;
    if (this.pageHiding) {
      void this.finalFlush();
      return;
    }
    this.ended = true;
    this.defined('terminated', this.duration());
    this.record.save({ terminated: true });
    void this.finalFlush();
    const returnURL = this.launchData?.returnURL;
    if (returnURL) void this.deliverThen(() => window.location.assign(returnURL));
  }

  onSaveState(listener: (state: SaveState) => void): void {
    super.onSaveState(listener);
    if (this.closed) listener(this.closed);
  }

  /** A cmi5 defined statement: cmi5 category, plus moveon when the result judges or completes (§9.6.2). */
  private defined(verb: 'initialized' | 'completed' | 'passed' | 'failed' | 'terminated', result?: Result, extensions?: Extensions): string {
    const moveOn = result && (result.completion !== undefined || result.success !== undefined);
    const category = activityRefs(moveOn ? [CMI5.categories.cmi5, CMI5.categories.moveOn] : [CMI5.categories.cmi5]);
    return this.send(verb, { result, category, extensions });
  }

  /** Waits up to 5 s for the outbox to empty, so that terminated is stored before the LMS page loads. */
  private async deliverThen(go: () => void): Promise<void> {
    for (let i = 0; i < 10 && this.outbox.pending().length; i++) {
      await this.outbox.flush();
      if (this.outbox.pending().length) await new Promise((r) => setTimeout(r, 500));
    }
    go();
  }

  /** Nothing of this launch can reach the LMS, not even later: the learner must relaunch. */
  private close(why: string): Launch {
    console.error(`coursepack: cmi5 launch failed: ${why}`);
    this.closed = 'unrecorded';
    return { tracked: false, notice: false, mode: 'normal' };
  }
}
