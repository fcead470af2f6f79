import type { Activity, Agent, Context, Result } from '@xapi/xapi';
import type { CourseData } from '../../contract/course-data';
import { XAPI, type XapiVerb } from '../../standards/xapi';
import type { InteractionRecord, Launch, LaunchMode, Outcome, SaveState, TrackingAdapter } from './adapter';
import type { LrsClient } from './lrs-client';
import { Outbox, type KeyValueStore, type OutboxState } from './outbox';
import { isoDuration } from './time';
import { interactionActivity, interactionResult } from './xapi-interaction';
import { StateDocument } from './xapi-state';
import { activityRef, languageMap, StatementFactory, type StatementParts } from './xapi-statement';

/** localStorage, when this page may use it (a sandboxed frame or blocked cookies throw). */
export function deviceStore(): KeyValueStore | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export interface SessionSetup {
  client: LrsClient;
  actor: Agent;
  registration?: string;
  /** The course activity as the LMS launched it (it may differ from the packaged id). */
  activityId: string;
  template: Context;
  /** Where this session's unsent statements wait. */
  outboxKey: string;
  mode: LaunchMode;
}

/**
 * What the Tin Can and cmi5 adapters share: statements through the outbox, the learner document in
 * the State API, answered/experienced/progressed statements, and one save state for the player.
 */
export abstract class StatementSession implements TrackingAdapter {
  protected course!: CourseData;
  protected factory!: StatementFactory;
  protected outbox!: Outbox;
  protected state!: StateDocument;
  protected activity!: Activity;
  protected mode: LaunchMode = 'normal';
  protected ended = false;
  protected readonly startedAt = Date.now();
  private progress = -1;
  private readonly status: Record<'outbox' | 'state', OutboxState> = { outbox: 'idle', state: 'idle' };
  private readonly listeners: ((s: SaveState) => void)[] = [];

  abstract start(course: CourseData): Promise<Launch>;
  abstract reportOutcome(outcome: Outcome): void;
  abstract end(): void;

  protected open(setup: SessionSetup, course: CourseData): void {
    this.course = course;
    this.mode = setup.mode;
    this.activity = {
      objectType: 'Activity',
      id: setup.activityId,
      definition: { type: XAPI.activityTypes.course, name: languageMap(course.lang, course.title) },
    };
    this.factory = new StatementFactory({ actor: setup.actor, registration: setup.registration, template: setup.template, language: course.lang });
    const store = deviceStore();
    this.outbox = new Outbox(setup.outboxKey, store, {
      post: (batch, keepalive) => setup.client.send({ method: 'POST', resource: 'statements', body: batch, keepalive }),
      put: (s, keepalive) => setup.client.send({ method: 'PUT', resource: 'statements', params: { statementId: s.id }, body: s, keepalive }),
    }, (s, res) => console.error(`coursepack: the LRS refused statement ${s.id} (${res.status}): ${res.body}`));
    const scope = { activityId: setup.activityId, agent: JSON.stringify(setup.actor), registration: setup.registration };
    const deviceKey = `coursepack:state:${setup.activityId}|${scope.agent}|${setup.registration ?? ''}`;
    this.state = new StateDocument(setup.client, scope, store, deviceKey, setup.mode !== 'normal');
    this.outbox.onState((s) => this.track('outbox', s));
    this.state.onState((s) => this.track('state', s));
    // The browser knows before the backoff timer does that the connection is back (item 48).
    window.addEventListener('online', () => this.flush());
  }

  /** Queues a statement (its id and timestamp are fixed now) and returns its id. */
  protected send(verb: XapiVerb, parts: StatementParts = {}, object: Activity = this.activity): string {
    const statement = this.factory.make(verb, object, parts);
    this.outbox.add(statement);
    return statement.id!;
  }

  /** Session time so far, for result.duration. */
  protected duration(): Result {
    return { duration: isoDuration(Date.now() - this.startedAt) };
  }

  saveState(location: string, bookmark: string): void {
    if (this.mode !== 'normal' || this.ended) return;
    this.state.update({ location, bookmark });
  }

  recordInteraction(record: InteractionRecord): void {
    if (this.ended) return;
    const object = interactionActivity(record.question, this.course.activityId, this.course.lang);
    this.send('answered', { result: interactionResult(record), parent: [activityRef(this.activity.id)] }, object);
  }

  pageViewed(page: { id: string; title: string; index: number }): void {
    if (this.ended) return;
    const object: Activity = {
      objectType: 'Activity',
      id: `${this.course.activityId}/pages/${encodeURIComponent(page.id)}`,
      definition: { type: XAPI.activityTypes.page, name: languageMap(this.course.lang, page.title) },
    };
    this.send('experienced', { parent: [activityRef(this.activity.id)] }, object);
  }

  /**
   * progressed with the integer percent at each tenth of the course, not at every page: a statement
   * per page already says where the learner is, and each request costs on a slow link. Never once
   * completed was sent (cmi5 §9.5.5.1).
   */
  protected progressed(outcome: Outcome): void {
    const percent = Math.floor(outcome.progress * 100);
    if (Math.floor(percent / 10) === Math.floor(this.progress / 10) || outcome.completed || this.state.doc.sent.completed) return;
    this.progress = percent;
    this.send('progressed', { result: { extensions: { [XAPI.progressExtension]: percent } } });
  }

  /** On a hidden page the browser may freeze or discard it at any moment: keepalive requests then. */
  flush(): void {
    const hidden = document.visibilityState === 'hidden';
    void this.outbox.flush(hidden);
    void this.state.flush(hidden);
  }

  /** Last chance before the page goes: keepalive requests, then normal ones if the page stays. */
  protected finalFlush(): Promise<void> {
    void this.state.flush(true);
    void this.outbox.flush(true);
    return Promise.all([this.state.flush(), this.outbox.flush()]).then(() => undefined);
  }

  onSaveState(listener: (state: SaveState) => void): void {
    this.listeners.push(listener);
  }

  protected emit(s: SaveState): void {
    for (const l of this.listeners) l(s);
  }

  /** One quiet indicator for both queues: expired beats offline beats saving beats saved. */
  private track(which: 'outbox' | 'state', s: OutboxState): void {
    this.status[which] = s;
    const all = Object.values(this.status);
    this.emit(all.includes('expired') ? 'expired' : all.includes('offline') ? 'offline' : all.includes('sending') ? 'saving' : 'saved');
  }
}
