import type { Activity, Agent, Context, Extensions, LanguageMap, Result, Statement } from '@xapi/xapi';
import { XAPI, type XapiVerb } from '../../standards/xapi';

/** RFC 4122 version 4; randomUUID exists only in secure contexts, so fall back to getRandomValues. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const languageMap = (lang: string, text: string) => ({ [lang]: text }) as LanguageMap;

/** What every statement of the session shares. */
export interface StatementScope {
  actor: Agent;
  registration?: string;
  /** Copied into every context first; cmi5's contextTemplate, or the Tin Can launch grouping. */
  template: Context;
  /** Content language (context.language). */
  language: string;
}

export interface StatementParts {
  result?: Result;
  parent?: Activity[];
  category?: Activity[];
  extensions?: Extensions;
}

const ref = (id: string): Activity => ({ objectType: 'Activity', id });
const refs = (ids: readonly string[]) => ids.map(ref);

/**
 * Builds statements whose id and timestamp are fixed at the moment the event happens: the id makes
 * a resend idempotent, the timestamp keeps the real order when delivery is late (item 38).
 */
export class StatementFactory {
  private last = 0;

  constructor(private readonly scope: StatementScope) {}

  /**
   * Now, but always after the previous statement: cmi5 judges order by timestamp (§9.3), so two
   * statements made in the same millisecond must not tie.
   */
  private now(): string {
    this.last = Math.max(Date.now(), this.last + 1);
    return new Date(this.last).toISOString();
  }

  make(verb: XapiVerb, object: Activity, parts: StatementParts = {}): Statement {
    const context = JSON.parse(JSON.stringify(this.scope.template)) as Context;
    if (this.scope.registration && !context.registration) context.registration = this.scope.registration;
    if (!context.language) context.language = this.scope.language as Context['language'];
    const activities = (context.contextActivities ??= {});
    // Added to, never replacing, what the template lists (cmi5 §10: do not overwrite the template).
    if (parts.parent?.length) activities.parent = [...(activities.parent ?? []), ...parts.parent];
    if (parts.category?.length) activities.category = [...(activities.category ?? []), ...parts.category];
    if (!Object.keys(activities).length) delete context.contextActivities;
    if (parts.extensions) context.extensions = { ...parts.extensions, ...context.extensions };
    const statement: Statement = {
      id: uuid(),
      actor: this.scope.actor,
      verb: { id: XAPI.verbs[verb], display: languageMap('en-US', verb) },
      object,
      context,
      timestamp: this.now(),
    };
    if (parts.result) statement.result = parts.result;
    return statement;
  }
}

export { ref as activityRef, refs as activityRefs };
