import { CMI5, type Cmi5MoveOn } from '../../standards/cmi5';
import type { CourseModel } from '../model';
import type { PackageWriter } from './writer';
import { perLanguage } from './xapi';
import { buildXml } from './xml';

/**
 * The AU's moveOn from the course's completion rule: with a quiz that must be passed the LMS waits
 * for completed and passed; otherwise completed (pages viewed, quiz taken) is enough.
 */
export function moveOnOf(model: CourseModel): Cmi5MoveOn {
  return model.quiz && model.masteryScore !== undefined && model.completion.quizPassed ? 'CompletedAndPassed' : 'Completed';
}

/** Percent → the 0…1 decimal with at most 4 places that cmi5 asks for. */
export const scaledMastery = (percent: number): string => String(Number((percent / 100).toFixed(4)));

/**
 * cmi5 package: a course and one AU (the whole course), launched in any window. The AU id is the
 * course IRI plus "/au": the publisher id the LMS puts in every statement's grouping, distinct from
 * the course id as the course structure requires.
 */
export const cmi5Writer: PackageWriter = {
  target: 'cmi5',
  runtime: 'cmi5',
  label: 'cmi5',
  standardFiles(model: CourseModel) {
    const title = { langstring: perLanguage(model, model.spec.title) };
    const description = { langstring: perLanguage(model, model.spec.description ?? model.spec.title) };
    const au: Record<string, unknown> = { '@_id': `${model.activityId}/au`, '@_moveOn': moveOnOf(model) };
    if (model.masteryScore !== undefined && model.quiz) au['@_masteryScore'] = scaledMastery(model.masteryScore);
    au['@_launchMethod'] = 'AnyWindow';
    Object.assign(au, { title, description, url: 'index.html' });
    const xml = buildXml({
      courseStructure: {
        '@_xmlns': CMI5.courseStructureNamespace,
        course: { '@_id': model.activityId, title, description },
        au,
      },
    });
    return new Map<string, string | Buffer>([['cmi5.xml', xml]]);
  },
};
