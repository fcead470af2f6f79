import type { SaveState } from './adapter';

/** Runs `fn` once the browser has painted (or after 100 ms in a hidden page, where frames stop). */
function afterPaint(fn: () => void): void {
  let done = false;
  const run = () => {
    if (!done) (done = true), fn();
  };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 100);
}

/**
 * When to commit. A checkpoint (answer submitted, course completed, quiz finished) commits at once,
 * whatever the spacing says: a learner may close the tab a moment later. Page turns commit at most
 * once per `spacingMs`, a burst coalesced into one trailing commit. Every commit runs after the next
 * paint, never inside the click that caused it: on a slow LMS each call blocks. A "full" commit also
 * refreshes the values that change all the time (session time, progress). A failed commit is retried
 * with backoff (1, 2, 4, 8, 16 s, then every 30 s) and the learner is told once, at the fifth
 * failure (runtime-requirements item 27).
 */
export class CommitScheduler {
  private trailing?: ReturnType<typeof setTimeout>;
  private retry?: ReturnType<typeof setTimeout>;
  private queued = false;
  private lastCommit = 0;
  private failures = 0;
  private dirty = false;
  private full = false;
  /** Something changed since the last full commit: the periodic timer refreshes it. */
  private stale = false;
  private halted = false;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly listeners: ((s: SaveState) => void)[] = [];

  constructor(
    private readonly commit: (full: boolean) => boolean,
    private readonly spacingMs = 500,
    periodicMs = 60000,
  ) {
    this.timer = setInterval(() => this.now(), periodicMs);
  }

  onState(listener: (s: SaveState) => void): void {
    this.listeners.push(listener);
  }

  /** Something changed: a checkpoint commits after this paint, a page turn after the current burst. */
  checkpoint(urgent = false): void {
    if (this.halted) return;
    this.dirty = this.stale = true;
    if (urgent) {
      this.full = true;
      clearTimeout(this.trailing);
      clearTimeout(this.retry);
      this.trailing = this.retry = undefined;
    } else if (this.trailing || this.retry) return;
    const wait = urgent ? 0 : this.lastCommit + this.spacingMs - Date.now();
    if (wait > 0) this.trailing = setTimeout(() => this.run(), wait);
    else if (!this.queued) {
      this.queued = true;
      afterPaint(() => {
        this.queued = false;
        if (this.dirty) this.run();
      });
    }
  }

  /** A full commit at once if anything changed since the last one (timer, page hidden, flush). */
  now(): void {
    if (!this.stale) return;
    this.full = this.dirty = true;
    this.run();
  }

  private run(): void {
    clearTimeout(this.trailing);
    this.trailing = undefined;
    if (this.halted || !this.dirty) return;
    const full = this.full;
    this.lastCommit = Date.now();
    this.emit('saving');
    if (this.commit(full)) {
      this.dirty = this.full = false;
      if (full) this.stale = false;
      this.failures = 0;
      clearTimeout(this.retry);
      this.retry = undefined;
      this.emit('saved');
      return;
    }
    if (this.halted) return;
    if (++this.failures === 5) this.emit('failed');
    clearTimeout(this.retry);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.dirty = this.full = true;
      this.run();
    }, this.failures <= 5 ? 1000 * 2 ** (this.failures - 1) : 30000);
  }

  /** Stops all timers for good (after Terminate), telling the learner why when `state` is given. */
  stop(state?: SaveState): void {
    this.halted = true;
    clearTimeout(this.trailing);
    clearTimeout(this.retry);
    clearInterval(this.timer);
    if (state) this.emit(state);
  }

  private emit(s: SaveState): void {
    for (const l of this.listeners) l(s);
  }
}
