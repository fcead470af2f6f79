/** SCORM 1.2 facts (RTE 1.2 §3.4; runtime-requirements.md §2). No Node, no DOM. */
export const SCORM12 = {
  apiName: 'API',
  schemaVersion: '1.2',
  namespaces: {
    imscp: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
    adlcp: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  },
  limits: { suspendData: 4096, location: 255, response: 255, interactionId: 255 },
  /** Errors that mean "this optional element is not implemented here". */
  unsupportedErrors: ['401'],
  /** A value the LMS will never take (keyword, read-only, write-only, wrong type): dropped, not retried. */
  valueErrors: ['401', '402', '403', '404', '405'],
  /** General exception: what 1.2 LMSes answer when their server session is gone (counted for expiry). */
  sessionErrors: ['101'],
  /** Not initialized: the LMS has closed this session. */
  closedErrors: ['301'],
} as const;
