import type { Answer } from '../../bookmark/codec';
import type { CourseData, RuntimeQuestion } from '../../contract/course-data';

export type LaunchMode = 'normal' | 'browse' | 'review';

/** What the LMS/LRS told us at launch. */
export interface Launch {
  /** False when no LMS/LRS answered: the player tells the learner once. */
  tracked: boolean;
  /** Whether to show that notice (a plain web package keeps progress locally and says nothing). */
  notice: boolean;
  bookmark?: string;
  location?: string;
  mode: LaunchMode;
  /** Pass mark 0–100 supplied by the LMS; wins over the course's own. */
  masteryScore?: number;
  /** Learner id as the LMS knows it, for the local bookmark mirror's key. */
  learnerId?: string;
  /** Progress came from this device's copy, newer than the LMS's: the learner is told once. */
  restored?: boolean;
  /** The learner's name as the LMS/LRS gives it (SCORM "Last, First"), for the certificate. */
  learnerName?: string;
}

/** The course's result as the player computes it; adapters map it onto their standard. */
export interface Outcome {
  /** 0…1 */
  progress: number;
  completed: boolean;
  success: 'unknown' | 'passed' | 'failed';
  /** 0–100, once the quiz is finished. */
  score?: number;
}

export interface InteractionRecord {
  question: RuntimeQuestion;
  answer: Answer;
  result: 'correct' | 'incorrect' | 'neutral';
  latencyMs: number;
  timestamp: Date;
}

/**
 * failed/expired/offline: not at the LMS/LRS yet, kept on this device for the next launch;
 * unrecorded: this launch cannot be tracked at all (a cmi5 launch refused or unreachable).
 */
export type SaveState = 'saving' | 'saved' | 'offline' | 'failed' | 'expired' | 'unrecorded';

/** One per tracking standard; the player never knows which one it talks to. */
export interface TrackingAdapter {
  start(course: CourseData): Promise<Launch>;
  /** Location is a page id; bookmark is the encoded suspend data. */
  saveState(location: string, bookmark: string): void;
  reportOutcome(outcome: Outcome): void;
  recordInteraction(record: InteractionRecord): void;
  /** A page was shown (xAPI "experienced"); optional. */
  pageViewed?(page: { id: string; title: string; index: number }): void;
  /** Send what is pending now (page hidden, learner exits). */
  flush(): void;
  /** End the session; safe to call more than once. */
  end(): void;
  onSaveState(listener: (state: SaveState) => void): void;
}
