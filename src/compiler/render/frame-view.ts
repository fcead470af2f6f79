import { format } from '../../i18n';
import { encodePath } from '../links';
import type { CourseModel, LessonModel } from '../model';
import { renderMarkdown, type LinkEnv } from './markdown-html';

/** "1 h 15 min" or "45 min", in the interface language. */
export function minutesText(minutes: number, strings: Record<string, string>): string {
  const m = Math.round(minutes);
  return m < 60 ? format(strings.minutes ?? '{n}', { n: m }) : format(strings.hoursMinutes ?? '{h} h {n} min', { h: Math.floor(m / 60), n: m % 60 });
}

const courseEnv = (model: CourseModel, firstPageOf: LinkEnv['firstPageOf']): LinkEnv => ({ fromFile: 'course.yaml', firstPageOf, assetUrl: (p) => encodePath(p) });

/**
 * What the generated pages show, per language. Each is undefined when course.yaml turns it off;
 * the runtime fills in only what depends on the learner (resume place, summary, name, date).
 */
export function frameViews(model: CourseModel, strings: Record<string, string>) {
  const firstPageOf = (id: string) => model.lessons.find((l) => l.id === id)?.pageIds[0];
  const env = courseEnv(model, firstPageOf);
  const md = (text: string | undefined) => (text ? renderMarkdown(text, env) : undefined);
  const total = model.lessons.reduce((sum, l) => sum + (l.duration ?? 0), 0);
  const { frame } = model;
  const welcome = frame.welcome && {
    title: model.title,
    organization: model.organization,
    description: model.description,
    cover: model.theme.coverImage,
    totalTime: total ? format(strings.estimatedTime ?? '', { time: minutesText(total, strings) }) : undefined,
    text: md(frame.welcome.text),
    objectives: model.objectives.map((o) => o.text),
    lessons: model.lessons.map((l) => ({ title: l.title, firstPage: l.pageIds[0], duration: l.duration && minutesText(l.duration, strings) })),
  };
  const finish = frame.finish && {
    hasQuiz: !!model.quiz,
    text: md(frame.finish.text),
    certificate: frame.certificate && {
      title: model.title,
      organization: model.organization,
      logo: model.theme.logo,
      logoAlt: model.theme.logoAlt,
      signature: frame.certificate.signature,
    },
  };
  const accessibility = frame.accessibility && {
    intro: format(strings.a11yIntro ?? '', { org: model.organization || model.title }),
    text: md(frame.accessibility.text),
    contact: md(frame.accessibility.contact),
  };
  return { welcome, finish, accessibility };
}

/** The card at the top of a lesson's first page: time, what it covers (its objectives), its pages. */
export function lessonStartView(model: CourseModel, lesson: LessonModel, strings: Record<string, string>) {
  if (!model.frame.lessonStart || lesson.kind !== 'lesson') return undefined;
  return {
    cover: lesson.cover && encodePath(lesson.cover),
    duration: lesson.duration && minutesText(lesson.duration, strings),
    objectives: model.objectives.filter((o) => o.lessonId === lesson.id).map((o) => o.text),
    pages: lesson.pageIds.map((id) => ({ id, title: model.pages.find((p) => p.id === id)?.title ?? id })),
  };
}
