/**
 * What Moodle's own SCORM player rejects and scorm-again lets through (runtime-requirements §5 and
 * §2): passing scorm-again is necessary, not sufficient, so every journey also checks the values
 * written against these rules. Returns the offending writes.
 */
export interface ApiCall {
  fn: string;
  args: string[];
  result: string;
  error: string;
}

const RULES12: [RegExp, RegExp | ((v: string) => boolean), string][] = [
  [/^cmi\.suspend_data$/, (v) => v.length <= 4096, 'suspend_data over 4096 (scormstandard on)'],
  [/^cmi\.core\.lesson_location$/, (v) => v.length <= 255, 'lesson_location over 255'],
  [/^cmi\.core\.session_time$/, /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/, 'CMITimespan'],
  [/^cmi\.interactions\.\d+\.id$/, /^[\x21-\x7e]{1,255}$/, 'interaction id with spaces'],
  [/^cmi\.interactions\.\d+\.latency$/, /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/, 'CMITimespan'],
  [/^cmi\.interactions\.\d+\.time$/, /^\d{2}:\d{2}:\d{2}(\.\d{1,2})?$/, 'CMITime'],
  [/^cmi\.core\.score\.(raw|min|max)$/, (v) => /^\d{1,3}(\.\d+)?$/.test(v) && Number(v) <= 100, 'score 0–100'],
];

const DURATION = /^P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,2})?S)?)?$/;
const TIMESTAMP = /^(19[7-9]\d|20[0-2]\d|203[0-8])-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,2}(Z|[+-]\d{2}(:\d{2})?)?)?$/;
const SHORT_IDS = /^[A-Za-z0-9_.]+(\[,\][A-Za-z0-9_.]+)*$/;

const RULES2004: [RegExp, RegExp | ((v: string) => boolean), string][] = [
  [/^cmi\.suspend_data$/, (v) => v.length <= 64000, 'suspend_data over 64000'],
  [/^cmi\.location$/, (v) => v.length <= 1000, 'location over 1000'],
  [/^cmi\.session_time$/, DURATION, 'duration: no weeks, at most 2 decimals'],
  [/^cmi\.interactions\.\d+\.latency$/, DURATION, 'duration: no weeks, at most 2 decimals'],
  [/^cmi\.interactions\.\d+\.timestamp$/, TIMESTAMP, 'timestamp: ≤ 2 fraction digits, zone only after them, year ≤ 2038'],
  [/^cmi\.interactions\.\d+\.id$/, /^\S{1,4000}$/, 'long identifier without whitespace'],
];

export function moodleViolations(calls: ApiCall[], standard: 'scorm12' | 'scorm2004'): string[] {
  const rules = standard === 'scorm12' ? RULES12 : RULES2004;
  const types = new Map<string, string>();
  const out: string[] = [];
  for (const call of calls.filter((c) => /SetValue/.test(c.fn))) {
    const [element = '', value = ''] = call.args;
    const type = /^cmi\.interactions\.(\d+)\.type$/.exec(element);
    if (type) types.set(type[1]!, value);
    for (const [pattern, check, what] of rules) {
      if (!pattern.test(element)) continue;
      const ok = typeof check === 'function' ? check(value) : check.test(value);
      if (!ok) out.push(`${element} = ${JSON.stringify(value)}: ${what}`);
    }
    // Moodle's 2004 choice/sequencing/likert responses are short identifiers: no "-".
    const response = /^cmi\.interactions\.(\d+)\.(learner_response|correct_responses\.\d+\.pattern)$/.exec(element);
    if (standard === 'scorm2004' && response && ['choice', 'sequencing', 'likert'].includes(types.get(response[1]!) ?? '') && !SHORT_IDS.test(value)) {
      out.push(`${element} = ${JSON.stringify(value)}: short identifiers only`);
    }
  }
  return out;
}
