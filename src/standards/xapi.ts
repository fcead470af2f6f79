/**
 * xAPI 1.0.3 and Tin Can launch facts (adlnet/xAPI-Spec xAPI-Data.md, xAPI-Communication.md;
 * RusticiSoftware/launch lms_lrs.md; runtime-requirements.md §G). No Node, no DOM.
 */
export const XAPI = {
  /** Sent as X-Experience-API-Version on every request (item 38). */
  version: '1.0.3',
  /** tincan.xml root namespace; no official schema exists for it. */
  tincanNamespace: 'http://projecttincan.com/tincan.xsd',
  /** ADL verbs (item 39); the display is the English label the spec uses. */
  verbs: {
    initialized: 'http://adlnet.gov/expapi/verbs/initialized',
    progressed: 'http://adlnet.gov/expapi/verbs/progressed',
    experienced: 'http://adlnet.gov/expapi/verbs/experienced',
    answered: 'http://adlnet.gov/expapi/verbs/answered',
    completed: 'http://adlnet.gov/expapi/verbs/completed',
    passed: 'http://adlnet.gov/expapi/verbs/passed',
    failed: 'http://adlnet.gov/expapi/verbs/failed',
    suspended: 'http://adlnet.gov/expapi/verbs/suspended',
    resumed: 'http://adlnet.gov/expapi/verbs/resumed',
    terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  },
  activityTypes: {
    course: 'http://adlnet.gov/expapi/activities/course',
    /** A screen of the course (xAPI vocabulary, AcrossX profile). */
    page: 'https://w3id.org/xapi/acrossx/activities/page',
    interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  },
  /**
   * Progress as an integer percent. cmi5 defines this IRI (cmi5_spec.md §9.5.5.1); plain xAPI has no
   * standard one, and reusing it lets one report read both packages.
   */
  progressExtension: 'https://w3id.org/xapi/cmi5/result/extensions/progress',
  /** Delimiters inside result.response and correctResponsesPattern (xAPI-Data.md, interaction table). */
  delimiters: { item: '[,]', pair: '[.]', range: '[:]' },
  /**
   * Our State API document (bookmark, location, which outcome statements were sent), kept per
   * activity + agent + registration. A plain name: stateId is any string, and an IRI would claim a
   * vocabulary that does not exist.
   */
  stateId: 'coursepack.state',
} as const;

export type XapiVerb = keyof typeof XAPI.verbs;

/** Tin Can launch query parameters (lms_lrs.md "Launch"). */
export const TINCAN_LAUNCH = {
  endpoint: 'endpoint',
  auth: 'auth',
  actor: 'actor',
  registration: 'registration',
  activityId: 'activity_id',
  grouping: 'grouping',
} as const;
