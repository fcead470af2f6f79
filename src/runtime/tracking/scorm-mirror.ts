import type { Answer } from '../../bookmark/codec';
import { bookmarkSession } from '../../bookmark/codec';
import type { Outcome } from './adapter';

/** An interaction as the mirror keeps it: the question by index, times as numbers. */
export interface MirroredInteraction {
  n: number;
  q: number;
  a: Answer;
  r: 'correct' | 'incorrect' | 'neutral';
  l: number;
  t: number;
}

/** The last checkpoint of a learner's attempt, as this browser saw it. */
export interface MirrorRecord {
  bookmark: string;
  location: string;
  outcome?: Outcome;
  /** Interactions the LMS may not hold yet (index at or past its _count at launch). */
  interactions: MirroredInteraction[];
  /** The LMS accepted a commit of exactly this state. */
  confirmed: boolean;
  at: number;
}

const PREFIX = 'coursepack-scorm:';
/** Mirrors kept per browser (oldest evicted) and the longest record stored: localStorage is ~5 MB. */
const MAX_RECORDS = 20;
const MAX_CHARS = 150000;

/**
 * A copy of every SCORM checkpoint in localStorage (runtime-requirements item 34, issue 10), keyed by
 * course and learner id, so learners sharing a browser never see each other's progress. SCORM gives
 * no attempt number: a new attempt is told apart by the LMS handing back no bookmark although
 * the mirror's last state was confirmed (the LMS had it and started afresh).
 */
export class ScormMirror {
  private readonly key: string;
  record?: MirrorRecord;

  constructor(courseId: string, learnerId: string) {
    this.key = `${PREFIX}${courseId}:${learnerId}`;
    try {
      this.record = JSON.parse(localStorage.getItem(this.key) ?? 'null') ?? undefined;
    } catch {
      this.record = undefined;
    }
  }

  /**
   * Whether the mirror holds progress the LMS lacks. The bookmark's session number orders launches;
   * within one session the mirror is written before the LMS, so any difference means it is newer.
   */
  newerThan(lmsBookmark: string | undefined): boolean {
    const r = this.record;
    if (!r) return false;
    if (!lmsBookmark) return !r.confirmed;
    const mine = bookmarkSession(r.bookmark);
    const theirs = bookmarkSession(lmsBookmark);
    return mine > theirs || (mine === theirs && r.bookmark !== lmsBookmark);
  }

  /** Keeps only what the LMS does not hold: interactions from its _count on. */
  rebase(lmsCount: number): MirroredInteraction[] {
    return (this.record?.interactions ?? []).filter((i) => i.n >= lmsCount);
  }

  save(record: Omit<MirrorRecord, 'at' | 'confirmed'>): void {
    this.record = { ...record, confirmed: false, at: Date.now() };
    this.store();
  }

  /** The LMS accepted a commit with nothing left pending. */
  confirm(): void {
    if (!this.record || this.record.confirmed) return;
    this.record.confirmed = true;
    this.store();
  }

  private store(): void {
    const r = this.record!;
    let text = JSON.stringify(r);
    if (text.length > MAX_CHARS) text = JSON.stringify({ ...r, interactions: r.interactions.slice(-50) });
    try {
      localStorage.setItem(this.key, text);
    } catch {
      evict(this.key, 5);
      try {
        localStorage.setItem(this.key, text);
      } catch {
        /* private mode or storage full: the LMS is the only copy */
      }
    }
  }

  /** Drops the oldest mirrors beyond the bound; run once per launch. */
  static prune(): void {
    evict(undefined, MAX_RECORDS);
  }
}

function evict(keep: string | undefined, max: number): void {
  try {
    const mine: [string, number][] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k?.startsWith(PREFIX) && k !== keep) mine.push([k, Number(JSON.parse(localStorage.getItem(k) ?? '{}').at) || 0]);
    }
    mine.sort((a, b) => a[1] - b[1]);
    for (const [k] of mine.slice(0, Math.max(0, mine.length - max))) localStorage.removeItem(k);
  } catch {
    /* storage unavailable */
  }
}
