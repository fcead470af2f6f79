import type { SaveState } from './adapter';

/**
 * When to commit: shortly after each checkpoint (debounced), on a timer, and on demand; a failed
 * commit is retried with backoff (1, 2, 4, 8, 16 s), then every 30 s, and the learner is told after
 * the fifth failure (runtime-requirements item 27).
 */
export class CommitScheduler {
  private debounce?: ReturnType<typeof setTimeout>;
  private retry?: ReturnType<typeof setTimeout>;
  private failures = 0;
  private dirty = false;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly listeners: ((s: SaveState) => void)[] = [];

  constructor(
    private readonly commit: () => boolean,
    private readonly debounceMs = 300,
    periodicMs = 60000,
  ) {
    this.timer = setInterval(() => this.now(), periodicMs);
  }

  onState(listener: (s: SaveState) => void): void {
    this.listeners.push(listener);
  }

  /** Something changed: commit soon. */
  checkpoint(): void {
    this.dirty = true;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.now(), this.debounceMs);
  }

  /** Commit at once if anything is pending (page hidden, explicit flush). */
  now(force = false): void {
    clearTimeout(this.debounce);
    if (!this.dirty && !force) return;
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
    this.retry = setTimeout(() => this.now(true), this.failures <= 5 ? 1000 * 2 ** (this.failures - 1) : 30000);
  }

  /** Stop all timers (after Terminate). */
  stop(): void {
    clearTimeout(this.debounce);
    clearTimeout(this.retry);
    clearInterval(this.timer);
    this.dirty = false;
  }

  private emit(s: SaveState): void {
    for (const l of this.listeners) l(s);
  }
}
