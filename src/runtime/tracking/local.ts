import type { CourseData } from '../../contract/course-data';
import type { Launch, SaveState, TrackingAdapter } from './adapter';

/**
 * No LMS: progress is kept in this browser's localStorage (opened from a file share, a static host,
 * or a SCORM package whose LMS exposed no API). `notice` says whether to tell the learner that no
 * learning platform records it.
 */
export class LocalAdapter implements TrackingAdapter {
  private key = '';
  private listener?: (s: SaveState) => void;

  constructor(private readonly notice: boolean) {}

  async start(course: CourseData): Promise<Launch> {
    this.key = `coursepack:${course.id}:${course.lang}`;
    const saved = this.read();
    return { tracked: false, notice: this.notice, mode: 'normal', bookmark: saved?.bookmark, location: saved?.location };
  }

  saveState(location: string, bookmark: string): void {
    try {
      localStorage.setItem(this.key, JSON.stringify({ location, bookmark }));
      this.listener?.('saved');
    } catch {
      /* private mode or storage full: the session still works in memory */
    }
  }

  private read(): { location?: string; bookmark?: string } | undefined {
    try {
      return JSON.parse(localStorage.getItem(this.key) ?? 'null') ?? undefined;
    } catch {
      return undefined;
    }
  }

  reportOutcome(): void {}
  recordInteraction(): void {}
  flush(): void {}
  end(): void {}
  onSaveState(listener: (state: SaveState) => void): void {
    this.listener = listener;
  }
}
