import { workshopSchema, type CourseSpec, type LocalizedText, type WorkshopSpec } from '../../schema';
import type { Diagnostics } from '../../diagnostics';
import type { SourceFile } from '../load/source';
import { activitiesOf } from './activities';
import { checkLocalized } from './course-file';
import type { ParsedLesson } from './parsed';
import { itemMinutes, type TimingFacts } from './workshop-timing';
import { checkSchema, parseLocatedYaml } from './yaml';

/**
 * Validates workshop.yaml against the source language's lessons: every lesson, page and activity it
 * names exists, each session's items fit its duration (a warning when they run over), and every
 * activity of a lesson a delivery covers is placed in that delivery.
 */
export function validateWorkshopFile(file: SourceFile, spec: CourseSpec, lessons: readonly ParsedLesson[], diagnostics: Diagnostics): WorkshopSpec | undefined {
  const yaml = parseLocatedYaml(file.text, file.display, 1, diagnostics);
  if (!yaml) return undefined;
  const workshop = checkSchema(workshopSchema, yaml, file.display, 'workshop.yaml', diagnostics);
  if (!workshop) return undefined;
  // A warning: the kit falls back to the source language, and the e-learning must still build.
  checkLocalized(localizedTexts(workshop), spec.languages, yaml, file.display, 'workshop/missing-translation', diagnostics, 'warning');
  const activityLesson = new Map(lessons.flatMap((l) => activitiesOf(l).map((a) => [a.spec.id, l.id] as const)));
  const facts = timingFacts(lessons);
  const ids = new Set<string>();
  workshop.deliveries.forEach((delivery, d) => {
    const at = (...path: PropertyKey[]) => yaml.at(['deliveries', d, ...path]).line;
    if (ids.has(delivery.id)) diagnostics.error(file.display, at('id'), 'workshop/duplicate-delivery', `delivery id "${delivery.id}" is used twice`);
    ids.add(delivery.id);
    const covered = new Set<string>();
    const placed = new Set<string>();
    delivery.sessions.forEach((session, s) => {
      let total = 0;
      session.items.forEach((item, i) => {
        const line = at('sessions', s, 'items', i);
        if ('lesson' in item) {
          const lesson = facts.lessons.get(item.lesson);
          if (!lesson) return diagnostics.error(file.display, line, 'workshop/unknown-lesson', `lesson "${item.lesson}" is not in course.yaml's lessons`, `choose from ${spec.lessons.join(', ')}`);
          covered.add(item.lesson);
          for (const page of item.pages ?? []) {
            if (!lesson.pageIds.includes(page)) diagnostics.error(file.display, line, 'workshop/unknown-page', `lesson "${item.lesson}" has no page "${page}"`, `its pages: ${lesson.pageIds.join(', ')}`);
          }
        }
        if ('activity' in item) {
          if (!activityLesson.has(item.activity)) return diagnostics.error(file.display, line, 'workshop/unknown-activity', `no \`\`\`activity block has the id "${item.activity}"`, 'activities are fenced ```activity blocks in the lesson files');
          placed.add(item.activity);
        }
        const minutes = itemMinutes(item, facts);
        if (minutes === undefined) diagnostics.error(file.display, line, 'workshop/no-duration', `lesson "${'lesson' in item ? item.lesson : ''}" has no duration to time this item`, 'add duration: <minutes> to the item, or to the lesson\'s front matter');
        total += minutes ?? 0;
      });
      if (total > session.duration) {
        diagnostics.warn(file.display, at('sessions', s, 'duration'), 'workshop/session-overrun', `session ${s + 1} of "${delivery.id}" runs ${total} minutes, over its ${session.duration}`, 'shorten or move items, or lengthen the session');
      }
    });
    for (const [activity, lesson] of activityLesson) {
      if (covered.has(lesson) && !placed.has(activity)) {
        diagnostics.error(file.display, at('id'), 'workshop/activity-not-placed', `delivery "${delivery.id}" covers lesson "${lesson}" but not its activity "${activity}"`, `add "- activity: ${activity}" to one of its sessions`);
      }
    }
  });
  return workshop;
}

function localizedTexts(workshop: WorkshopSpec): [PropertyKey[], LocalizedText | undefined][] {
  const texts: [PropertyKey[], LocalizedText | undefined][] = [[['audience'], workshop.audience]];
  workshop.preparation.forEach((p, i) => texts.push([['preparation', i], p]));
  workshop.deliveries.forEach((delivery, d) => {
    texts.push([['deliveries', d, 'title'], delivery.title]);
    delivery.sessions.forEach((session, s) => {
      texts.push([['deliveries', d, 'sessions', s, 'title'], session.title]);
      session.items.forEach((item, i) => {
        const path = ['deliveries', d, 'sessions', s, 'items', i];
        if ('plenary' in item) texts.push([[...path, 'plenary'], item.plenary]);
        if ('break' in item) texts.push([[...path, 'title'], item.title]);
      });
    });
  });
  return texts;
}

/** Durations and pages of the source language's lessons and activities, for itemMinutes. */
export function timingFacts(lessons: readonly ParsedLesson[]): TimingFacts {
  return {
    lessons: new Map(lessons.map((l) => [l.id, { duration: l.front.duration, pageIds: l.pages.map((p) => p.id) }])),
    activities: new Map(lessons.flatMap((l) => activitiesOf(l).map((a) => [a.spec.id, a.spec] as const))),
  };
}
