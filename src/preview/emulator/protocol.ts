/**
 * What the preview server answers the emulator page (src/preview/server.ts). The page is browser
 * code: from the Node side it takes types only (esbuild erases them), so the shapes it reads are here.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { DecodedBookmark } from '../decode';

export type { DecodedBookmark };

export interface Info {
  courseDir: string;
  targets: { id: string; label: string }[];
  defaultTarget: string;
}

export interface GoodBuild {
  ok: true;
  gen: number;
  ms: number;
  target: string;
  label: string;
  lang: string;
  languages: string[];
  title: string;
  courseId: string;
  pages: { id: string; title: string }[];
  suspendData?: { worstCase: number; limit?: number };
  masteryScore?: number | null;
  warnings?: Diagnostic[];
  /** The last build that failed while this one is still shown. */
  failed?: Build;
}

export interface FailedBuild {
  ok: false;
  gen?: number;
  diagnostics?: Diagnostic[];
  message?: string;
}

export type Build = GoodBuild | FailedBuild;

/** The learner's record of a SCORM slot, as the LMS keeps it across launches. */
export interface LearnerRecord {
  cmi: Cmi | null;
  exit: string;
  commits: number;
  lastCommit: string | null;
}

export interface Launch {
  build: GoodBuild;
  url: string;
  slot: string;
  session: number;
  registration: string;
  learner: { id: string; name: string };
  record: LearnerRecord;
}

export type LaunchAnswer = { build: FailedBuild } | Launch;

/** One request the LRS logged. */
export interface LrsRequest {
  seq: number;
  method: string;
  resource: string;
  params: Record<string, string>;
  status: number;
  error?: string;
  time: string;
}

export interface LrsView {
  statements: Statement[];
  requests: LrsRequest[];
  documents?: Record<string, string>;
}

export type ServerEvent =
  | { type: 'hello'; instance: string }
  | { type: 'changed' }
  | { type: 'reset' }
  | { type: 'commit'; slot: string; session: number; at: string }
  | { type: 'lrs'; entry: LrsRequest }
  | { type: 'statement'; statement: Statement }
  | { type: 'document'; params: Record<string, string>; body: string | null };

/** The parts of an xAPI statement the panel reads. */
export interface Statement {
  id: string;
  timestamp?: string;
  verb?: { id?: string };
  object?: { id?: string; definition?: { name?: Record<string, string>; interactionType?: string; correctResponsesPattern?: string[] } };
  context?: { registration?: string };
  result?: { score?: Score; success?: boolean; completion?: boolean; response?: string; duration?: string; extensions?: Record<string, unknown> };
}

export interface Score {
  raw?: number | string;
  scaled?: number | string;
  min?: number | string;
  max?: number | string;
}

/** scorm-again's CMI as JSON, 1.2 and 2004 fields together (each standard fills its own). */
export interface Cmi {
  core?: { lesson_status?: string; lesson_location?: string; exit?: string; session_time?: string; score?: Score };
  location?: string;
  suspend_data?: string;
  completion_status?: string;
  success_status?: string;
  score?: Score;
  progress_measure?: string;
  exit?: string;
  session_time?: string;
  interactions?: Record<string, CmiInteraction>;
}

export interface CmiInteraction {
  id?: string;
  type?: string;
  student_response?: string;
  learner_response?: string;
  result?: string;
  time?: string;
  timestamp?: string;
  correct_responses?: Record<string, { pattern?: string }>;
}
