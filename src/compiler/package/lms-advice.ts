import type { TargetId } from '../../schema';

/** What LMS-NOTES.html needs to know about the course to advise on settings. */
export interface AdviceFacts {
  /** Pass mark 0–100 when the course has a quiz. */
  mastery?: number;
  /** The LMS must wait for a passed quiz before it counts the course complete. */
  needsPass: boolean;
}

/**
 * The LMS settings that match what our runtime reports, per standard. Setting names in quotes are
 * Moodle's (mod/scorm/lang/en/scorm.php), the most common LMS we are loaded into; other LMSes are
 * in docs/lms-guide.md. Kept in English: the reader is an administrator and the names must match
 * the LMS screen they look at, which we cannot translate reliably.
 */
export function recommendedSettings(target: TargetId, { mastery, needsPass }: AdviceFacts): string[] {
  const status = needsPass ? '"Passed"' : '"Completed"';
  switch (target) {
    case 'scorm12':
      return [
        'Moodle "Display package": "Current window" or "New window"; both work.',
        `Activity completion: "Require status" ${status}. SCORM 1.2 has one status: a learner who failed the quiz is "failed", not "completed".`,
        '"Grading method" "Highest grade", "Maximum grade" 100: the score is sent 0–100.',
        '"Force new attempt": never "Always", which drops the bookmark (the learner restarts at page 1).',
        '"Mastery score overrides status": "No": the status already follows the mastery score and the pages rule; "Yes" passes a learner on the score alone.',
        '"Force completed": "No". "Auto-commit": not needed.',
      ];
    case 'scorm2004':
      return [
        'For LMSes that support SCORM 2004 (this is 4th edition). Completion and success are set by the content: the LMS must not complete it on exit.',
        `Ask for ${needsPass ? 'completed and passed' : 'completed'}.${mastery !== undefined ? ` The pass mark is minNormalizedMeasure ${mastery / 100}; an LMS cmi.scaled_passing_score overrides it.` : ''}`,
        'Score: scaled 0–1, raw 0–100 (Moodle: "Maximum grade" 100, "Grading method" "Highest grade").',
        'No new attempt on every launch: it drops the bookmark.',
      ];
    case 'xapi':
      return [
        'Launch index.html with the Tin Can parameters endpoint, auth, actor and, to keep attempts apart, registration (a UUID).',
        'The credential must write statements and the State API (the bookmark); the course talks to that endpoint only.',
        `Report on the "completed", "passed" and "failed" statements of the course activity${mastery !== undefined ? ` (pass mark ${Math.round(mastery)} %)` : ''}.`,
      ];
    case 'cmi5':
      return [
        `moveOn ${needsPass ? '"CompletedAndPassed"' : '"Completed"'}${mastery !== undefined ? `, masteryScore ${mastery / 100} (LMS.LaunchData may override it)` : ''}; launchMethod AnyWindow.`,
        'Each launch is single-use (fetch URL): learners start from the LMS every time.',
      ];
    case 'web':
      return ['Not for an LMS: put the files on any web server and link to index.html. Progress stays in the browser; nothing is reported. For tracking use the SCORM, xAPI or cmi5 zip.'];
    default:
      return [];
  }
}
