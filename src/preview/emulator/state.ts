/** Everything the panel shows, in one object; the draw functions read it (window.preview, for tests). */
import type { Build, DecodedBookmark, Info, Launch, Statement } from './protocol';

export const STATE_ID = 'coursepack.state';
export const LAUNCH_DATA = 'LMS.LaunchData';

/** A line of the calls log: a launch separator, an LRS request, or a SCORM API call. */
export type Call = Separator | LrsCall | ApiCall;

export interface Separator {
  separator: true;
  text: string;
}

export interface LrsCall {
  separator?: undefined;
  lrs: true;
  seq: number;
  fn: string;
  params: Record<string, string>;
  error: string;
  ok: boolean;
  note: string;
  errorText?: string;
  time: string;
}

export interface ApiCall {
  separator?: undefined;
  lrs?: undefined;
  fn: string;
  args: unknown[];
  result: string;
  error: string;
  errorText?: string;
  time: string;
  session: number;
}

/** scorm-again's API object, as the page uses it. */
export interface ScormAgainApi {
  cmi: Record<string, any>;
  loadFromJSON(json: object, prefix: string): void;
  [fn: string]: unknown;
}

export type Decoded = DecodedBookmark | { pending: true };

export interface CmiLaunchData {
  launchMode?: string;
  moveOn?: string;
  masteryScore?: number;
}

export interface PreviewState {
  info: Info | null;
  target: string;
  lang: string;
  build: Build | null;
  /** The server's answer to /api/launch. */
  launch: Launch | null;
  /** scorm-again, for SCORM. */
  api: ScormAgainApi | null;
  apiSession: number;
  entry?: string;
  /** SCORM API calls, or LRS requests for xAPI / cmi5. */
  calls: Call[];
  statements: Statement[];
  stateDoc: { location?: string; bookmark?: string } | null;
  launchData: CmiLaunchData | null;
  /** JSON of the CMI at the last commit. */
  committed: string | null;
  commits: number;
  lastCommit: string | null;
  web: null;
  decoded: Record<string, Decoded>;
  tab: string;
  /** Statements whose JSON the user opened. */
  open: Record<string, boolean>;
  busy: boolean;
  queued: Job | null;
  /** Requests and statements already listed, by "r<seq>" and "s<id>". */
  seen?: Record<string, boolean>;
  /** The server process the page talks to (a restart starts the page over). */
  instance?: string;
}

export type Job = () => unknown;

export const S: PreviewState = {
  info: null,
  target: '',
  lang: '',
  build: null,
  launch: null,
  api: null,
  apiSession: 0,
  calls: [],
  statements: [],
  stateDoc: null,
  launchData: null,
  committed: null,
  commits: 0,
  lastCommit: null,
  web: null,
  decoded: {},
  tab: 'suspend',
  open: {},
  busy: false,
  queued: null,
};
(window as unknown as { preview: PreviewState }).preview = S;

const SCORM: Record<string, boolean> = { scorm12: true, scorm2004: true };
export const isScorm = (): boolean => !!SCORM[S.target];
export const isLrs = (): boolean => S.target === 'xapi' || S.target === 'cmi5';
export const registration = (): string => (S.launch ? S.launch.registration : '');
