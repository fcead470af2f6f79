/** report.json: what `coursepack report build` computes; numbers are numbers, percentages 0–100. */
export interface PilotReport {
  course: { id: string; title: string; lang: string };
  /** Latest `stored` time among the statements read: the data is complete up to this moment. */
  dataThrough: string | null;
  statements: number;
  /** Smallest group a breakdown shows; smaller ones are suppressed (privacy). */
  minCell: number;
  /** Fewest responses for a verdict on a question or an objective. */
  minResponses: number;
  learners: LearnerCounts;
  byLanguage: ({ lang: string } & LearnerCounts)[];
  byGroup: ({ group: string } & LearnerCounts)[];
  funnel: { page: string; title: string; lesson: string; learners: number; dropOff: number }[];
  lessons: { id: string; title: string; learners: number; medianMinutes: number | null }[];
  scores: { n: number; median: number | null; bins: { from: number; to: number; count: number }[] };
  questions: QuestionStats[];
  objectives: { id: string; lesson: string; text: string; responses: number; mastery: number | null; flag?: string }[];
  survey: SurveyStats[];
  revise: { kind: 'question' | 'distractor' | 'page' | 'objective'; ref: string; message: string }[];
  /** Breakdown cells left out because fewer than minCell learners are in them (no count given). */
  suppressed: { table: string; key: string }[];
}

export interface LearnerCounts {
  launched: number;
  completed: number;
  passed: number;
}

export interface QuestionStats {
  id: string;
  lesson: string;
  role: string;
  prompt: string;
  responses: number;
  /** Mean score ÷ maximum, as a percentage (Moodle's facility index). */
  facility: number | null;
  /** Correlation of this item's score with the rest of the quiz, × 100 (Moodle's discrimination index). */
  discrimination: number | null;
  options: { id: string; label: string; count: number; top: number; bottom: number; correct: boolean }[];
  flags: string[];
}

export interface SurveyStats {
  id: string;
  prompt: string;
  type: string;
  n: number;
  distribution: { id: string; label: string; count: number }[];
  comments: { lang: string; text: string }[];
}
