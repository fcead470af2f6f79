import { XAPI } from '../../standards/xapi';
import type { LocalizedText } from '../../schema';
import { textIn } from '../validate';
import type { CourseModel } from '../model';
import type { PackageWriter } from './writer';
import { buildXml } from './xml';

/** One entry per course language, in the shape fast-xml-parser builds as <tag lang="…">text</tag>. */
export function perLanguage(model: CourseModel, text: LocalizedText | undefined): { '@_lang': string; '#text': string }[] {
  if (text === undefined) return [];
  const source = model.languages[0] ?? model.lang;
  return model.languages.map((lang) => ({ '@_lang': lang, '#text': textIn(text, lang, source) }));
}

/**
 * Tin Can package: tincan.xml names the course activity (an IRI), its launch file in this package's
 * language, and its name and description in every course language, so an LMS that lists the
 * activity shows it in the learner's language.
 */
export const xapiWriter: PackageWriter = {
  target: 'xapi',
  runtime: 'xapi',
  label: 'xAPI (Tin Can)',
  standardFiles(model: CourseModel) {
    const activity: Record<string, unknown> = {
      '@_id': model.activityId,
      '@_type': XAPI.activityTypes.course,
      name: perLanguage(model, model.spec.title),
    };
    const description = perLanguage(model, model.spec.description);
    if (description.length) activity.description = description;
    activity.launch = { '@_lang': model.lang, '#text': 'index.html' };
    const xml = buildXml({ tincan: { '@_xmlns': XAPI.tincanNamespace, activities: { activity } } });
    return new Map<string, string | Buffer>([['tincan.xml', xml]]);
  },
};
