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
  ) {
    super(message);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Pulls statements from an xAPI LRS (xAPI-Communication.md §2.1.3 GET Statements): oldest stored
 * first, `since` the last checkpoint, following `more` links. After each page the statements are in
 * the database and the checkpoint moves to the page's latest `stored`, so an interrupted sync resumes
 * where it stopped; the checkpoint is taken 1 ms early, because `since` is exclusive and a page may
 * end inside one millisecond, and statement ids keep the overlap from counting twice.
 */
export async function syncFromLrs(db: PilotDatabase, source: LrsSource): Promise<SyncProgress> {
  const base = source.endpoint.endsWith('/') ? source.endpoint : `${source.endpoint}/`;
  const key = `lrs:${base}|${source.activity ?? ''}`;
  const since = await db.getCheckpoint(key);
  const query = new URLSearchParams({ ascending: 'true', limit: String(source.limit ?? 500), format: 'exact' });
  if (source.activity) {
    query.set('activity', source.activity);
    query.set('related_activities', 'true');
  }
  if (since) query.set('since', since);
  const headers = {
    Authorization: `Basic ${Buffer.from(`${source.key}:${source.secret}`).toString('base64')}`,
    'X-Experience-API-Version': '1.0.3',
    Accept: 'application/json',
  };
  const progress: SyncProgress = { fetched: 0, added: 0, requests: 0 };
  let next: string | undefined = new URL(`statements?${query}`, base).href;
  while (next) {
    const page = await fetchPage(next, headers, source, progress);
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
      const latest = statements.map((s) => String(s.stored ?? '')).sort().pop();
      if (latest) await db.setCheckpoint(key, new Date(Date.parse(latest) - 1).toISOString());
    }
    // `more` is relative to the LRS's origin (xAPI-Communication.md §2.1.3, StatementResult).
    next = page.more ? new URL(page.more, base).href : undefined;
  }
  return progress;
}

async function fetchPage(url: string, headers: Record<string, string>, source: LrsSource, progress: SyncProgress): Promise<{ statements?: Record<string, unknown>[]; more?: string }> {
  const attempts = source.attempts ?? 4;
  let delay = source.retryDelayMs ?? 500;
  let problem = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    progress.requests++;
    try {
      const res = await fetch(url, { headers });
      if (res.ok) return (await res.json()) as { statements?: Record<string, unknown>[]; more?: string };
      problem = `HTTP ${res.status} ${(await res.text()).slice(0, 200)}`;
      // Wrong credentials or a bad query do not get better by asking again.
      if (res.status >= 400 && res.status < 500 && res.status !== 429) break;
    } catch (error) {
      problem = (error as Error).message;
    }
    if (attempt < attempts) await sleep(delay);
    delay *= 2;
  }
  throw new SyncInterrupted(`the LRS did not answer ${url.split('?')[0]}: ${problem}`, progress);
}
