import type { Agent } from '@xapi/xapi';
import { CMI5, type Cmi5LaunchData } from '../../standards/cmi5';
import { json, LrsClient } from './lrs-client';
import { isUuid, parseActor } from './xapi-launch';

/** The cmi5 launch URL parameters (§8.1). */
export interface Cmi5Params {
  endpoint: string;
  fetchUrl: string;
  actor: Agent;
  registration: string;
  activityId: string;
}

/** What one AU session keeps in sessionStorage, so that a reload continues it (item 44). */
export interface Cmi5SessionRecord {
  token: string;
  launchData?: Cmi5LaunchData;
  initialized?: boolean;
  /** passed or failed was sent in this session (at most one of them per session, §9.3). */
  judged?: boolean;
  terminated?: boolean;
}

export function readCmi5Launch(search: string): Cmi5Params | undefined {
  const q = new URLSearchParams(search);
  const [endpoint, fetchUrl, actorJson, registration, activityId] = CMI5.launchParams.map((p) => q.get(p));
  const actor = parseActor(actorJson ?? null);
  if (!endpoint || !fetchUrl || !actor || !isUuid(registration) || !activityId) return undefined;
  return { endpoint, fetchUrl, actor, registration, activityId };
}

/** The session record lives under the fetch URL: one-time per launch, the same across reloads. */
export class SessionRecord {
  value?: Cmi5SessionRecord;
  private readonly key: string;

  constructor(fetchUrl: string) {
    this.key = `coursepack:cmi5-session:${fetchUrl}`;
    try {
      this.value = JSON.parse(sessionStorage.getItem(this.key) ?? 'null') ?? undefined;
    } catch {
      this.value = undefined;
    }
  }

  save(change: Partial<Cmi5SessionRecord>): void {
    this.value = { token: '', ...this.value, ...change };
    try {
      sessionStorage.setItem(this.key, JSON.stringify(this.value));
    } catch {
      /* no sessionStorage: a reload will ask the fetch URL again and get "already in use" */
    }
  }
}

/** POSTs the fetch URL once (§8.2); an error-code in a 200 answer is a refusal too. */
export async function fetchAuthToken(fetchUrl: string): Promise<{ token: string } | { error: string; unreachable?: boolean }> {
  try {
    const res = await fetch(fetchUrl, { method: 'POST', cache: 'no-store', credentials: 'omit' });
    const body = (await res.json()) as Record<string, string>;
    const token = body['auth-token'];
    if (res.ok && token) return { token };
    const code = body['error-code'] ?? String(res.status);
    return { error: `fetch URL refused (${code}: ${body['error-text'] ?? CMI5.fetchErrors[code] ?? 'unknown'})` };
  } catch (e) {
    return { error: `fetch URL unreachable (${String(e)})`, unreachable: true };
  }
}

/** LMS.LaunchData, tried three times: without its contextTemplate no statement can be valid. */
export async function readLaunchData(client: LrsClient, p: Cmi5Params): Promise<Cmi5LaunchData | undefined> {
  const params = { activityId: p.activityId, agent: JSON.stringify(p.actor), registration: p.registration, stateId: CMI5.launchDataStateId };
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await client.send({ method: 'GET', resource: 'activities/state', params });
    if (res.status === 200) return json<Cmi5LaunchData>(res);
    if (res.status !== 0 && res.status < 500) return undefined;
    await new Promise((r) => setTimeout(r, 1000 * (attempt + 1)));
  }
  return undefined;
}

/** The learner's preferences agent profile (§11); read as the spec asks, 404 is normal. */
export async function readLearnerPreferences(client: LrsClient, actor: Agent): Promise<{ languagePreference?: string; audioPreference?: string } | undefined> {
  const res = await client.send({ method: 'GET', resource: 'agents/profile', params: { agent: JSON.stringify(actor), profileId: CMI5.learnerPreferencesProfileId } });
  return res.status === 200 ? json(res) : undefined;
}
