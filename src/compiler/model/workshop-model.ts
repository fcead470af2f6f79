import type { LocalizedText, WorkshopSpec } from '../../schema';
import { workshopStrings } from '../../i18n';
import { addMinutes, itemMinutes, textIn, timingFacts, type ParsedLesson } from '../validate';
import type { AgendaItem, WorkshopModel } from './course-model';
import { activitiesOf } from '../validate/activities';

/** workshop.yaml resolved for one language: titles in that language, every item timed. */
export function workshopModel(spec: WorkshopSpec, lessons: readonly ParsedLesson[], lang: string, sourceLang: string): WorkshopModel {
  const text = (t: LocalizedText) => textIn(t, lang, sourceLang);
  const strings = workshopStrings(lang);
  const facts = timingFacts(lessons);
  const activityTitles = new Map(lessons.flatMap((l) => activitiesOf(l).map((a) => [a.spec.id, a.spec.title] as const)));
  return {
    audience: spec.audience === undefined ? '' : text(spec.audience),
    preparation: spec.preparation.map(text),
    deliveries: spec.deliveries.map((delivery) => ({
      id: delivery.id,
      title: text(delivery.title),
      mode: delivery.mode,
      sessions: delivery.sessions.map((session) => {
        let clock = session.start;
        const items = session.items.map((item): AgendaItem => {
          const minutes = itemMinutes(item, facts) ?? 0;
          const start = clock;
          clock = addMinutes(clock, minutes);
          if ('break' in item) return { kind: 'break', start, minutes, title: item.title === undefined ? strings.break! : text(item.title) };
          if ('plenary' in item) return { kind: 'plenary', start, minutes, title: text(item.plenary) };
          if ('activity' in item) return { kind: 'activity', start, minutes, title: activityTitles.get(item.activity) ?? item.activity, activityId: item.activity };
          const lesson = lessons.find((l) => l.id === item.lesson)!;
          return { kind: 'pages', start, minutes, title: lesson.front.title, lessonId: lesson.id, pageIds: item.pages ?? lesson.pages.map((p) => p.id) };
        });
        return { title: text(session.title), day: session.day, start: session.start, end: addMinutes(session.start, session.duration), minutes: session.duration, items };
      }),
    })),
  };
}
