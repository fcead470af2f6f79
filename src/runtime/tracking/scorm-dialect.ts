import type { InteractionRecord, LaunchMode, Outcome } from './adapter';
import type { ScormCalls, ScormSession } from './scorm-session';

/** What differs between SCORM 1.2 and 2004; the ScormAdapter does the rest once. */
export interface ScormDialect {
  apiName: string;
  calls(api: unknown): ScormCalls;
  unsupportedCodes: readonly string[];
  notInitialisedCode?: string;
  limits: { suspendData: number; location: number };
  elements: { location: string; suspendData: string; entry: string; mode: string; learnerId: string; exit: string; sessionTime: string; interactionsCount: string };
  /** Pass mark 0–100 the LMS supplies, if any. */
  readMastery(session: ScormSession): number | undefined;
  /** Set "incomplete" on a first launch so the LMS never turns a silent SCO into "completed". */
  markAttempted(session: ScormSession): void;
  writeOutcome(session: ScormSession, outcome: Outcome): void;
  writeInteraction(session: ScormSession, n: number, record: InteractionRecord): void;
  sessionTime(ms: number): string;
  /** cmi.exit value while the session runs and when it ends with this outcome. */
  exitValue(outcome: Outcome | undefined): string;
  parseMode(value: string): LaunchMode;
}
