import type { CourseData } from '../../contract/course-data';
import { fill } from './chrome';
import type { LearnerState } from './state';

/**
 * The generated pages around the lessons (welcome, finish, accessibility): their HTML comes from
 * the build; the runtime only fills in what depends on the learner.
 */
export type FrameScreen = 'welcome' | 'finish' | 'accessibility';

const set = (root: ParentNode, sel: string, text: string) => {
  const el = root.querySelector<HTMLElement>(sel);
  if (el) {
    el.textContent = text;
    el.hidden = !text;
  }
};

/** "1 h 05 min" / "12 min", in the course language's words. */
export function duration(ms: number, strings: Record<string, string>): string {
  const minutes = Math.max(1, Math.round(ms / 60000));
  return minutes < 60 ? fill(strings.minutes, { n: minutes }) : fill(strings.hoursMinutes, { h: Math.floor(minutes / 60), n: minutes % 60 });
}

/** SCORM names come as "Last, First"; a certificate reads "First Last". */
export function displayName(name: string | undefined): string {
  const parts = (name ?? '').split(',').map((s) => s.trim());
  return (parts.length === 2 && parts[0] && parts[1] ? `${parts[1]} ${parts[0]}` : parts.join(', ')).trim();
}

export function fillWelcome(root: ParentNode, course: CourseData, state: LearnerState): void {
  const resumed = state.page > 0 || state.visited.some(Boolean);
  const page = course.pages[state.page];
  const start = root.querySelector<HTMLElement>('[data-action=start]');
  if (start && resumed) start.textContent = course.strings.resumeCourse ?? '';
  set(root, '[data-resume]', resumed && page ? fill(course.strings.resumeWhere, { n: state.page + 1, total: course.pages.length, title: page.title }) : '');
}

export function fillFinish(root: ParentNode, course: CourseData, state: LearnerState, startedAt: number, learnerName: () => string): void {
  const s = course.strings;
  const outcome = state.outcome();
  const seen = state.visited.filter(Boolean).length;
  set(root, '[data-summary=pages]', fill(s.pagesViewedValue, { n: seen, total: course.pages.length }));
  set(root, '[data-summary=score]', outcome.score === undefined ? s.notYet ?? '' : fill(s.scoreValue, { score: outcome.score, mastery: state.passMark ?? 0 }));
  set(root, '[data-summary=result]', (outcome.success === 'passed' ? s.resultPassed : outcome.success === 'failed' ? s.resultFailed : outcome.completed ? s.resultCompleted : s.resultIncomplete) ?? '');
  set(root, '[data-summary=time]', duration(Date.now() - startedAt, s));
  const next = state.visited.indexOf(false);
  // success is only 'failed' when the course asks for a pass (LearnerState.outcome).
  const earned = outcome.completed && outcome.success !== 'failed';
  set(root, '[data-finish-status]', earned ? s.courseComplete ?? '' : fill(s.finishMissing, { n: course.pages.length - seen }));
  const resume = root.querySelector<HTMLAnchorElement>('[data-finish-resume]');
  if (resume) {
    const target = course.pages[next >= 0 ? next : course.quiz?.page ?? 0];
    resume.hidden = earned || !target;
    if (target) resume.dataset.page = resume.hash = target.id;
  }
  const certificate = root.querySelector<HTMLElement>('[data-certificate]');
  if (!certificate) return;
  certificate.hidden = !earned;
  set(root, '[data-cert-locked]', earned ? '' : s.certificateLocked ?? '');
  set(certificate, '[data-cert-date]', new Intl.DateTimeFormat(course.lang, { dateStyle: 'long' }).format(new Date()));
  const field = root.querySelector<HTMLInputElement>('#cp-cert-name');
  const shown = certificate.querySelector<HTMLElement>('[data-cert-name]');
  if (!field || !shown || !earned) return;
  const name = learnerName();
  field.closest<HTMLElement>('[data-cert-name-field]')!.hidden = !!name;
  const show = () => {
    shown.textContent = name || field.value.trim() || '\u00a0';
  };
  field.oninput = show;
  show();
}
