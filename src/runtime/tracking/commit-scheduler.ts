import type { SaveState } from './adapter';

/**
 * When to commit: at once on a checkpoint (a learner may close the tab a moment later, and the
 * LMS's own unload-time commit is often blocked), but at most once per `spacingMs` — later
 * checkpoints in a burst are coalesced into one trailing commit. Plus a timer, and on demand. A failed
 * commit is retried with backoff (1, 2, 4, 8, 16 s), then every 30 s, and the learner is told after
 * the fifth failure (runtime-requirements item 27).
 */
export class CommitScheduler {
  private trailing?: ReturnType<typeof setTimeout>;
  private retry?: ReturnType<typeof setTimeout>;
  private lastCommit = 0;
  private failures = 0;
  private dirty = false;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly listeners: ((s: SaveState) => void)[] = [];

  constructor(
    private readonly commit: () => boolean,
    private readonly spacingMs = 500,
    periodicMs = 60000,
  ) {
    this.timer = setInterval(() => this.now(), periodicMs);
  }

  onState(listener: (s: SaveState) => void): void {
    this.listeners.push(listener);
  }

  /** Something changed: commit now, or right after the current burst. */
  checkpoint(): void {
    this.dirty = true;
    if (this.trailing || this.retry) return;
    const wait = this.lastCommit + this.spacingMs - Date.now();
    if (wait <= 0) this.now();
    else this.trailing = setTimeout(() => this.now(), wait);
  }

  /** Commit at once if anything is pending (page hidden, explicit flush). */
  now(force = false): void {
    clearTimeout(this.trailing);
    this.trailing = undefined;
    if (!this.dirty && !force) return;
    this.lastCommit = Date.now();
    this.emit('saving');
    if (this.commit()) {
      this.dirty = false;
      this.failures = 0;
      clearTimeout(this.retry);
      this.retry = undefined;
      this.emit('saved');
      return;
    }
    this.failures++;
    if (this.failures >= 5) this.emit('failed');
    clearTimeout(this.retry);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.now(true);
    }, this.failures <= 5 ? 1000 * 2 ** (this.failures - 1) : 30000);
  }

  /** Stop all timers (after Terminate). */
  stop(): void {
    clearTimeout(this.trailing);
    clearTimeout(this.retry);
    clearInterval(this.timer);
    this.dirty = false;
  }

  private emit(s: SaveState): void {
    for (const l of this.listeners) l(s);
  }
}
