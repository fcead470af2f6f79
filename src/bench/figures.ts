/** What one bench run measured; `--json` prints it whole, so figures can be tracked over time. */

export interface BuildFigures {
  /** Median wall time of a full build in a fresh Node process, spawn to exit. */
  wallMs: number;
  samplesMs: number[];
  /**
   * Least CPU time (user + system) of the runs: steadier than wall time on a shared machine, and
   * contention only ever adds to it, so the least disturbed run is the best estimate.
   */
  cpuMs: number;
  /** Largest resident set of the build process over all runs. */
  peakRssBytes: number;
}

export interface CourseFigures {
  name: string;
  pages: number;
  questions: number;
  languages: string[];
  targets: string[];
  build: BuildFigures;
  /** target → language → zip bytes. */
  zipBytes: Record<string, Record<string, number>>;
  /** target → zip of the first language, kept for the runtime weight and the launch timing. */
  zipFiles: Record<string, string>;
  /** target → longest bookmark and the standard's limit (none for xAPI, cmi5 and web). */
  suspendData: Record<string, { worstCase: number; limit?: number }>;
}

/** Runtime JS and CSS as a package ships them, each gzipped (level 9) as a server would send them. */
export interface RuntimeWeight {
  jsBytes: number;
  cssBytes: number;
  gzipBytes: number;
}

/** A photo-like 1280 px JPEG through the media stage. */
export interface ImageFigures {
  sourceWidth: number;
  sourceBytes: number;
  variants: { format: string; width: number; bytes: number }[];
  encodeMs: number;
}

export interface LaunchFigures {
  course: string;
  lang: string;
  /** target → median and samples, ms from the course iframe's navigation to its first heading visible. */
  targets: Record<string, { medianMs: number; samplesMs: number[] }>;
  /** Why launch was not measured, when it was not. */
  skipped?: string;
}

/** SCORM under a test LMS whose every API call takes `callMs` (issue 10). */
export interface SlowLmsFigures {
  callMs: number;
  /** target → medians over the runs: first heading (ms since the course frame's navigation), page turn click to painted heading, API calls per turn. */
  targets: Record<string, { headingMs: number; turnMs: number; worstTurnMs: number; callsPerTurn: number }>;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  os: string;
  node: string;
  chromium?: string;
  /** 1-minute load average when the bench started: a busy machine inflates every timing. */
  loadAverage: number;
}

export type Verdict = 'PASS' | 'OVER';

/** One line of the table: a figure, and its budget and verdict when the issue sets one. */
export interface Row {
  figure: string;
  course: string;
  standard: string;
  value: number;
  display: string;
  budget?: number;
  budgetDisplay?: string;
  verdict?: Verdict;
}

/** The workshop kit of one course: a cold build of slides, guide and handouts in every language. */
export interface KitFigures {
  course: string;
  wallMs: number;
  samplesMs: number[];
  cpuMs: number;
  files: { target: string; lang: string; file: string; bytes: number; summary: string }[];
}

/** `coursepack report` on a synthetic pilot: cold processes, spawn to exit, with peak memory. */
export interface PilotFigures {
  statements: number;
  learners: number;
  fileBytes: number;
  /** Wall time spawn to exit, CPU time (user + system, all threads), peak resident memory. */
  sync: { ms: number; cpuMs: number; peakRssBytes: number };
  build: { ms: number; cpuMs: number; peakRssBytes: number };
}

export interface BenchResult {
  date: string;
  machine: Machine;
  courses: CourseFigures[];
  runtime: Record<string, RuntimeWeight>;
  /** The runtime with every block family's script and style: the showcase course's packages. */
  blocksRuntime?: Record<string, RuntimeWeight>;
  launch?: LaunchFigures;
  slowLms?: SlowLmsFigures;
  image?: ImageFigures;
  kit?: KitFigures;
  pilot?: PilotFigures;
  rows: Row[];
}
