import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { TargetId } from '../../schema';
import type { CourseModel } from '../model';
import { withCsp } from '../render/csp';
import { TEMPLATE_DIR } from '../render/templates';
import { moveOnOf } from './cmi5';
import { recommendedSettings } from './lms-advice';
import type { PackageWriter } from './writer';

/** The administrator's page inside every zip, next to the manifest (issue 11 item 7). */
export const LMS_NOTES = 'LMS-NOTES.html';

const MANIFEST: Partial<Record<TargetId, string>> = { scorm12: 'imsmanifest.xml', scorm2004: 'imsmanifest.xml', xapi: 'tincan.xml', cmi5: 'cmi5.xml' };

/** Where each standard keeps the learner's place, in an administrator's words. */
const BOOKMARK: Partial<Record<TargetId, string>> = {
  scorm12: 'cmi.core.lesson_location (page) and cmi.suspend_data (pages seen, answers).',
  scorm2004: 'cmi.location (page) and cmi.suspend_data (pages seen, answers).',
  xapi: 'The State API document coursepack.state.',
  cmi5: 'The State API document coursepack.state.',
  web: 'In the browser only (localStorage).',
};

const INTERACTIONS: Partial<Record<TargetId, string>> = { scorm12: 'cmi.interactions', scorm2004: 'cmi.interactions', xapi: '"answered" statements', cmi5: '"answered" statements' };

let page: Handlebars.TemplateDelegate | undefined;
let day: string | undefined;

/**
 * The build's day (UTC): SOURCE_DATE_EPOCH when set, the reproducible-builds convention; otherwise
 * today, taken once per process so that two builds in one run still give byte-identical zips.
 */
function buildDay(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  day ??= new Date(Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? epoch * 1000 : Date.now()).toISOString().slice(0, 10);
  return day;
}

const percent = (n: number) => `${Math.round(n * 100) / 100} %`;

/** What the package reports, in the terms of its standard. */
function reporting(model: CourseModel, target: TargetId) {
  const mastery = model.quiz ? model.masteryScore : undefined;
  const needsPass = target !== 'web' && moveOnOf(model) === 'CompletedAndPassed';
  const completion = `${percent(model.completion.pagesViewed)} of the pages viewed${model.quiz ? ' and the quiz finished' : ''}${needsPass ? '; done once the quiz is passed' : ''}.`;
  const success =
    mastery === undefined
      ? 'Not reported: the course has no quiz with a pass mark.'
      : model.completion.quizPassed
        ? `Mastery score ${percent(mastery)}: passed at or above, failed below (an LMS's own mastery score wins).`
        : `Pass mark ${percent(mastery)}, not required: no passed/failed is reported.`;
  const score = model.quiz ? 'The quiz score 0–100, once the quiz is finished.' : 'Not reported: no quiz.';
  const channel = INTERACTIONS[target];
  const interactions = channel ? `Each answer (${model.questions.length} in this course) as ${channel}.` : 'Not reported.';
  return { mastery, needsPass, completion, success, score, interactions };
}

function bookmarkSize(worstCase: number, limit: number | undefined): { text: string; over: boolean } {
  if (limit === undefined) return { text: `${worstCase} characters; no limit in the standard.`, over: false };
  return { text: `${worstCase} of ${limit} characters (${Math.round((worstCase / limit) * 100)} % of the limit).`, over: worstCase > limit };
}

/** LMS-NOTES.html for one package: what it reports, its figures, the settings that match them. */
export function lmsNotes(model: CourseModel, writer: PackageWriter, suspendData: { worstCase: number; limit?: number }, languages: readonly string[] = [model.lang]): string {
  page ??= Handlebars.create().compile(readFileSync(path.join(TEMPLATE_DIR, 'layouts', 'lms-notes.hbs'), 'utf8'));
  const facts = reporting(model, writer.target);
  const size = bookmarkSize(suspendData.worstCase, suspendData.limit);
  const html = page({
    title: model.title,
    lang: model.lang,
    dir: model.dir,
    id: model.id,
    version: model.version,
    language: languages.join(', '),
    standard: writer.label,
    manifest: MANIFEST[writer.target],
    built: buildDay(),
    ...facts,
    bookmark: BOOKMARK[writer.target] ?? '',
    bookmarkSize: size.text,
    bookmarkOver: size.over,
    settings: recommendedSettings(writer.target, facts),
  });
  return withCsp(html, { runtimeSetsConnect: false });
}
