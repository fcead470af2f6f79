import type { AgendaItemSpec } from '../../schema';

/** What timing an agenda item needs to know about the lesson or activity it names. */
export interface TimingFacts {
  lessons: ReadonlyMap<string, { duration?: number; pageIds: readonly string[] }>;
  activities: ReadonlyMap<string, { duration: number }>;
}

/**
 * Minutes an agenda item takes: its own duration when given, else the activity's, else the lesson's
 * duration shared out by the pages presented. Undefined when nothing says (a lesson without duration).
 */
export function itemMinutes(item: AgendaItemSpec, facts: TimingFacts): number | undefined {
  if ('break' in item) return item.break;
  if ('plenary' in item) return item.duration;
  if (item.duration !== undefined) return item.duration;
  if ('activity' in item) return facts.activities.get(item.activity)?.duration;
  const lesson = facts.lessons.get(item.lesson);
  if (lesson?.duration === undefined || lesson.pageIds.length === 0) return undefined;
  const share = (item.pages?.length ?? lesson.pageIds.length) / lesson.pageIds.length;
  return Math.max(1, Math.round(lesson.duration * share));
}

/** "09:00" + 75 → "10:15" (wraps past midnight). */
export function addMinutes(clock: string, minutes: number): string {
  const [h = 0, m = 0] = clock.split(':').map(Number);
  const total = (((h * 60 + m + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
