/** SCORM 2004 4th edition facts (RTE 4.2; runtime-requirements.md §2). No Node, no DOM. */
export const SCORM2004 = {
  apiName: 'API_1484_11',
  schemaVersion: '2004 4th Edition',
  namespaces: {
    imscp: 'http://www.imsglobal.org/xsd/imscp_v1p1',
    adlcp: 'http://www.adlnet.org/xsd/adlcp_v1p3',
    adlseq: 'http://www.adlnet.org/xsd/adlseq_v1p3',
    adlnav: 'http://www.adlnet.org/xsd/adlnav_v1p3',
    imsss: 'http://www.imsglobal.org/xsd/imsss',
  },
  limits: { suspendData: 64000, location: 1000, fillInItem: 250, longFillIn: 4000, description: 250 },
  /** 401 undefined / 402 unimplemented element; 403 = value not initialised (treat as empty). */
  unsupportedErrors: ['401', '402'],
  notInitializedError: '403',
  valueErrors: ['401', '402', '404', '405', '406', '407', '408'],
  /** General exception and general get/set/commit failures (counted for expiry). */
  sessionErrors: ['101', '301', '351', '391'],
  /** Calls before Initialize or after Terminate: the LMS has closed this session. */
  closedErrors: ['112', '113', '122', '123', '132', '133', '142', '143'],
} as const;
