import type { InteractionRecord, LaunchMode, Outcome } from './adapter';
import type { ErrorClasses, ScormCalls } from './scorm-session';

/** The data model as a dialect sees it: reads go to the LMS (launch only), writes are queued. */
export interface Cmi {
  get(element: string): string;
  set(element: string, value: string): void;
}

/** What differs between SCORM 1.2 and 2004; the ScormAdapter does the rest once. */
export interface ScormDialect {
  apiName: string;
  calls(api: unknown): ScormCalls;
  errors: ErrorClasses;
  /** 1.2 commits before LMSFinish; 2004 does not, as Terminate commits itself (item 31). */
  commitBeforeTerminate: boolean;
  limits: { suspendData: number; location: number };
  elements: { location: string; suspendData: string; entry: string; mode: string; learnerId: string; learnerName: string; exit: string; sessionTime: string; interactionsCount: string };
  /** Pass mark 0–100 the LMS supplies, if any. */
  readMastery(cmi: Cmi): number | undefined;
  /** Set "incomplete" on a first launch so the LMS never turns a silent SCO into "completed". */
  markAttempted(cmi: Cmi): void;
  writeOutcome(cmi: Cmi, outcome: Outcome): void;
  writeInteraction(cmi: Cmi, n: number, record: InteractionRecord): void;
  sessionTime(ms: number): string;
  /** cmi.exit value while the session runs and when it ends with this outcome. */
  exitValue(outcome: Outcome | undefined): string;
  parseMode(value: string): LaunchMode;
}
