import type { Context } from '@xapi/xapi';

/**
 * cmi5 facts (AICC/CMI-5_Spec_Current cmi5_spec.md; runtime-requirements.md §H). No Node, no DOM.
 */
export const CMI5 = {
  /** cmi5.xml root namespace (§13.2). */
  courseStructureNamespace: 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd',
  launchMethods: ['AnyWindow', 'OwnWindow'] as const,
  moveOn: ['NotApplicable', 'Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed'] as const,
  launchModes: ['Normal', 'Browse', 'Review'] as const,
  /** Launch URL query parameters (§8.1). */
  launchParams: ['endpoint', 'fetch', 'actor', 'registration', 'activityId'] as const,
  /** §9.6.2.1 on cmi5 defined statements only; §9.6.2.2 only where result has success or completion. */
  categories: {
    cmi5: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
    moveOn: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
  },
  extensions: {
    sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
    masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
    launchMode: 'https://w3id.org/xapi/cmi5/context/extensions/launchmode',
    launchUrl: 'https://w3id.org/xapi/cmi5/context/extensions/launchurl',
    moveOn: 'https://w3id.org/xapi/cmi5/context/extensions/moveon',
    progress: 'https://w3id.org/xapi/cmi5/result/extensions/progress',
  },
  /** The verbs cmi5 defines (§9.3); launched, abandoned, waived and satisfied are the LMS's. */
  verbs: {
    launched: 'http://adlnet.gov/expapi/verbs/launched',
    initialized: 'http://adlnet.gov/expapi/verbs/initialized',
    completed: 'http://adlnet.gov/expapi/verbs/completed',
    passed: 'http://adlnet.gov/expapi/verbs/passed',
    failed: 'http://adlnet.gov/expapi/verbs/failed',
    abandoned: 'https://w3id.org/xapi/adl/verbs/abandoned',
    waived: 'https://w3id.org/xapi/adl/verbs/waived',
    terminated: 'http://adlnet.gov/expapi/verbs/terminated',
    satisfied: 'https://w3id.org/xapi/adl/verbs/satisfied',
  },
  /** State document the LMS writes before launch; the AU reads it and never changes it (§10). */
  launchDataStateId: 'LMS.LaunchData',
  /** Agent profile the AU reads on startup (§11). */
  learnerPreferencesProfileId: 'cmi5LearnerPreferences',
  /** Fetch URL error codes (§8.2.3.2). */
  fetchErrors: { '1': 'already in use or expired', '2': 'security error', '3': 'application error' } as Record<string, string>,
} as const;

export type Cmi5MoveOn = (typeof CMI5.moveOn)[number];
export type Cmi5LaunchMode = (typeof CMI5.launchModes)[number];

/** The LMS.LaunchData state document (§10). */
export interface Cmi5LaunchData {
  contextTemplate: Context;
  launchMode: Cmi5LaunchMode;
  launchParameters?: string;
  /** 0…1, up to 4 decimals. */
  masteryScore?: number;
  moveOn: Cmi5MoveOn;
  returnURL?: string;
  entitlementKey?: { courseStructure?: string; alternate?: string };
}
