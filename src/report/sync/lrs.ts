import type { PilotDatabase } from '../store/database';

export interface LrsSource {
  /** The xAPI endpoint, e.g. https://lrs.example.org/xAPI/ (with or without the final slash). */
  endpoint: string;
  key: string;
  secret: string;
  /** Only statements about this activity (and, with related_activities, its pages and questions). */
  activity?: string;
  /** Statements per request (the LRS may send fewer). */
  limit?: number;
  /** Attempts per request before the sync stops (it resumes from its checkpoint next time). */
  attempts?: number;
  /** Milliseconds before the first retry; doubled each time. */
  retryDelayMs?: number;
  identify?: boolean;
}

export interface SyncProgress {
  fetched: number;
  added: number;
  requests: number;
}

export class SyncInterrupted extends Error {
  constructor(
    message: string,
    readonly progress: SyncProgress,
    /** The LRS refused the request itself (4xx): asking again the same way will not help. */
    readonly refused = false,
  ) {
    super(message);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Pulls statements from an xAPI LRS (xAPI-Communication.md §2.1.3 GET Statements). Each run reads
 * one window of stored time, (since, until], following `more` links; LRSes differ in the order they
 * page in (not every one honours `ascending`), so progress is kept as the window and the next `more`
 * link, saved after every page with the statements it brought. An interrupted run resumes from that
 * link; a finished one moves `since` to `until`, so the next run asks only for what came after.
 * Statement ids keep any overlap (a restarted window) from counting twice.
 */
export async function syncFromLrs(db: PilotDatabase, source: LrsSource): Promise<SyncProgress> {
  const base = source.endpoint.endsWith('/') ? source.endpoint : `${source.endpoint}/`;
  const key = `lrs:${base}|${source.activity ?? ''}`;
  const state = await db.getSyncState(key);
  const until = state.until ?? new Date().toISOString();
  const query = new URLSearchParams({ ascending: 'true', limit: String(source.limit ?? 500), format: 'exact', until });
  if (source.activity) {
    query.set('activity', source.activity);
    query.set('related_activities', 'true');
  }
  if (state.since) query.set('since', state.since);
  const headers = {
    Authorization: `Basic ${Buffer.from(`${source.key}:${source.secret}`).toString('base64')}`,
    'X-Experience-API-Version': '1.0.3',
    Accept: 'application/json',
  };
  const progress: SyncProgress = { fetched: 0, added: 0, requests: 0 };
  let next: string | undefined = state.more ?? new URL(`statements?${query}`, base).href;
  await db.setSyncState(key, { since: state.since, until, more: next });
  let resuming = !!state.more;
  while (next) {
    let page;
    try {
      page = await fetchPage(next, headers, source, progress);
    } catch (error) {
      // A saved `more` link can expire on the LRS's side: read the window again from its start.
      if (!(resuming && error instanceof SyncInterrupted && error.refused)) throw error;
      next = new URL(`statements?${query}`, base).href;
      resuming = false;
      continue;
    }
    resuming = false;
    const statements = page.statements ?? [];
    progress.fetched += statements.length;
    if (statements.length) {
      const appender = await db.connection.createAppender('incoming');
      for (const s of statements) {
        appender.appendVarchar(JSON.stringify(s));
        appender.endRow();
      }
      appender.closeSync();
      progress.added += await db.absorbIncoming(!!source.identify);
    }
    // `more` is relative to the LRS's origin (xAPI-Communication.md §2.1.3, StatementResult).
    next = page.more ? new URL(page.more, base).href : undefined;
    await db.setSyncState(key, next ? { since: state.since, until, more: next } : { since: until, until: null, more: null });
  }
  return progress;
}

async function fetchPage(url: string, headers: Record<string, string>, source: LrsSource, progress: SyncProgress): Promise<{ statements?: Record<string, unknown>[]; more?: string }> {
  const attempts = source.attempts ?? 4;
  let delay = source.retryDelayMs ?? 500;
  let problem = '';
  let refused = false;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    progress.requests++;
    try {
      const res = await fetch(url, { headers });
      if (res.ok) return (await res.json()) as { statements?: Record<string, unknown>[]; more?: string };
      problem = `HTTP ${res.status} ${(await res.text()).slice(0, 200)}`;
      // Wrong credentials or a bad query do not get better by asking again.
      refused = res.status >= 400 && res.status < 500 && res.status !== 429;
      if (refused) break;
    } catch (error) {
      problem = (error as Error).message;
    }
    if (attempt < attempts) await sleep(delay);
    delay *= 2;
  }
  throw new SyncInterrupted(`the LRS did not answer ${url.split('?')[0]}: ${problem}`, progress, refused);
}
