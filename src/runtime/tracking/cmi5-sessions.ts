import type { Statement } from '@xapi/xapi';
import type { LrsClient } from './lrs-client';
import type { Sent, StateDocument } from './xapi-state';

/**
 * Statements an earlier session of this registration left unsent on this device. They are not
 * replayed: the LMS rejects anything after that session's terminated or abandoned (item 50). An
 * outcome statement among them that the LRS never got is forgotten in our document, so the new
 * session reports the outcome again; one the LRS has (a keepalive request that did arrive) stays.
 */
export async function settleEarlierSessions(client: LrsClient, state: StateDocument, prefix: string, current: string): Promise<void> {
  for (const key of earlierKeys(prefix, current)) {
    let left: Statement[] = [];
    try {
      left = JSON.parse(localStorage.getItem(key) ?? '[]') as Statement[];
    } catch {
      /* unreadable: nothing to settle */
    }
    for (const [verb, id] of Object.entries(state.doc.sent) as [keyof Sent, string][]) {
      if (!left.some((s) => s.id === id)) continue;
      const res = await client.send({ method: 'GET', resource: 'statements', params: { statementId: id } });
      if (res.status !== 200) state.forget(verb);
    }
    try {
      localStorage.removeItem(key);
    } catch {
      /* cannot clean up: harmless, the next session settles it again */
    }
  }
}

function earlierKeys(prefix: string, current: string): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(prefix) && key !== current) keys.push(key);
    }
  } catch {
    /* no storage, no earlier sessions */
  }
  return keys;
}
