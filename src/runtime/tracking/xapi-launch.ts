import type { Agent } from '@xapi/xapi';
import { TINCAN_LAUNCH } from '../../standards/xapi';

/** What a Tin Can launch URL carries (RusticiSoftware/launch lms_lrs.md; item 37). */
export interface TinCanLaunch {
  endpoint: string;
  /** Used verbatim as the Authorization header. */
  auth: string;
  actor: Agent;
  registration?: string;
  activityId?: string;
  grouping?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
export const isUuid = (s: string | null | undefined): s is string => !!s && UUID.test(s);

const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);
const text = (v: unknown): string | undefined => (typeof first(v) === 'string' && first(v) ? (first(v) as string) : undefined);

/**
 * An agent from a launch "actor" parameter, in the 1.0 form or the 0.95 one where every property
 * is an array and an account is {accountServiceHomePage, accountName}; undefined if it has no
 * identifier. Exactly one identifier is kept, as xAPI requires.
 */
export function normaliseActor(raw: unknown): Agent | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const a = raw as Record<string, unknown>;
  const agent: Agent = { objectType: 'Agent' } as Agent;
  const name = text(a.name);
  if (name) agent.name = name;
  const mbox = text(a.mbox);
  const account = first(a.account) as Record<string, unknown> | undefined;
  const homePage = text(account?.homePage ?? account?.accountServiceHomePage);
  const accountName = text(account?.name ?? account?.accountName);
  if (mbox) return { ...agent, mbox: mbox.startsWith('mailto:') ? mbox : `mailto:${mbox}` } as Agent;
  if (text(a.mbox_sha1sum)) return { ...agent, mbox_sha1sum: text(a.mbox_sha1sum) } as Agent;
  if (text(a.openid)) return { ...agent, openid: text(a.openid) } as Agent;
  if (homePage && accountName) return { ...agent, account: { homePage, name: accountName } } as Agent;
  return undefined;
}

export function parseActor(json: string | null): Agent | undefined {
  try {
    return json ? normaliseActor(JSON.parse(json)) : undefined;
  } catch {
    return undefined;
  }
}

/** The launch parameters, or undefined when this page was not launched by a Tin Can LMS. */
export function readTinCanLaunch(search: string): TinCanLaunch | undefined {
  const q = new URLSearchParams(search);
  const endpoint = q.get(TINCAN_LAUNCH.endpoint);
  const actor = parseActor(q.get(TINCAN_LAUNCH.actor));
  if (!endpoint || !/^https?:\/\//i.test(endpoint) || !actor) return undefined;
  const registration = q.get(TINCAN_LAUNCH.registration);
  // An LRS rejects a statement whose registration is not a UUID: better none than every statement lost.
  if (registration && !isUuid(registration)) console.warn(`coursepack: ignoring registration "${registration}", not a UUID`);
  return {
    endpoint,
    auth: q.get(TINCAN_LAUNCH.auth) ?? '',
    actor,
    registration: isUuid(registration) ? registration : undefined,
    activityId: q.get(TINCAN_LAUNCH.activityId) ?? undefined,
    grouping: q.get(TINCAN_LAUNCH.grouping) ?? undefined,
  };
}
