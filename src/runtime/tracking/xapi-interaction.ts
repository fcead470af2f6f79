import type { Activity, InteractionActivityDefinition, InteractionComponent, Result } from '@xapi/xapi';
import type { RuntimeQuestion } from '../../contract/course-data';
import { XAPI } from '../../standards/xapi';
import type { InteractionRecord } from './adapter';
import { correctResponses, learnerResponse, letter, type Response } from './responses';
import { isoDuration } from './time';
import { languageMap } from './xapi-statement';

const { item, pair } = XAPI.delimiters;

/** A response in xAPI's string form: ids joined by [,], matching pairs as source[.]target. */
export function responseString(r: Response, caseMatters = false): string {
  switch (r.kind) {
    case 'ids':
      return r.ids.join(item);
    case 'boolean':
      return String(r.value);
    case 'pairs':
      return r.pairs.map(([s, t]) => `${s}${pair}${t}`).join(item);
    case 'text':
      return caseMatters ? `{case_matters=true}${r.text}` : r.text;
  }
}

const components = (labels: string[] | undefined, lang: string): InteractionComponent[] =>
  (labels ?? []).map((text, i) => ({ id: letter(i), description: languageMap(lang, text) }));

/** Short enough for LMS report columns; the full prompt is the description. */
const shorten = (text: string) => (text.length > 120 ? `${text.slice(0, 119)}…` : text);

/**
 * The question as a cmi.interaction activity (item 40): its interactionType, the components its
 * response ids refer to, and the correct responses; none for surveys, where an empty list would
 * mean "no answer is correct".
 */
export function interactionActivity(q: RuntimeQuestion, courseId: string, lang: string): Activity {
  const definition = {
    type: XAPI.activityTypes.interaction,
    name: languageMap(lang, shorten(q.prompt)),
    description: languageMap(lang, q.prompt),
    interactionType: q.interaction,
  } as InteractionActivityDefinition & Record<string, unknown>;
  const patterns = correctResponses(q).map((r) => responseString(r, r.kind === 'text' && !!q.caseSensitive));
  if (patterns.length) definition.correctResponsesPattern = patterns;
  if (q.interaction === 'choice' || q.interaction === 'sequencing') definition.choices = components(q.choices, lang);
  if (q.interaction === 'likert') definition.scale = components(q.choices, lang);
  if (q.interaction === 'matching') {
    definition.source = components(q.sources, lang);
    definition.target = components(q.targets, lang);
  }
  return { objectType: 'Activity', id: `${courseId}/questions/${encodeURIComponent(q.id)}`, definition };
}

/** The answered statement's result: response in the same form, success unless the question is not judged. */
export function interactionResult(record: InteractionRecord): Result {
  const result: Result = {
    response: responseString(learnerResponse(record.question, record.answer)),
    duration: isoDuration(record.latencyMs),
  };
  if (record.result !== 'neutral') result.success = record.result === 'correct';
  return result;
}
