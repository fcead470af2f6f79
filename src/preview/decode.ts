import { decodeBookmark, VERSION, type Answer } from '../bookmark/codec';
import type { CourseData, RuntimeQuestion } from '../contract/course-data';

/** Suspend data as the panel shows it: what the runtime will restore from it, in the course's words. */
export type DecodedBookmark =
  | {
      ok: true;
      page: { index: number; id: string; title: string };
      visited: { count: number; of: number; ids: string[] };
      session: number;
      quizSeed: number;
      answers: { id: string; type: string; role: string; page: number; answer: string }[];
      unanswered: number;
    }
  | { ok: false; reason: string };

function show(q: RuntimeQuestion, a: Answer): string {
  const label = (i: number) => q.choices?.[i] ?? `#${i + 1}`;
  switch (q.shape.kind) {
    case 'index':
      return label(a as number);
    case 'set':
      return (a as number[]).map(label).join(' + ') || '(none)';
    case 'list':
      if (q.type === 'matching') return (a as number[]).map((t, s) => `${q.sources?.[s] ?? s + 1} → ${q.targets?.[t] ?? t + 1}`).join('; ');
      return (a as number[]).map(label).join(' → ');
    case 'text':
      return JSON.stringify(a as string);
  }
}

/** Decodes with the layout of the course build now served; explains why when it cannot. */
export function describeBookmark(data: CourseData, raw: string): DecodedBookmark {
  if (!raw) return { ok: false, reason: 'empty' };
  const layout = { hash: data.hash, pageCount: data.pages.length, shapes: data.questions.map((q) => q.shape), blockCount: data.blocks?.length };
  const state = decodeBookmark(layout, raw);
  if (!state) {
    const end = VERSION.length + data.hash.length;
    const hash = raw.slice(VERSION.length, end);
    if (raw.startsWith(VERSION) && raw[end] === '~' && hash !== data.hash) {
      return { ok: false, reason: `written by an earlier build (structure hash ${hash}, now ${data.hash}): the course discards it and keeps only the location` };
    }
    return { ok: false, reason: 'not a Coursepack bookmark of this course: the course ignores it' };
  }
  const page = data.pages[state.page];
  const answers = data.questions.flatMap((q, i) => {
    const a = state.answers[i];
    return a === undefined ? [] : [{ id: q.id, type: q.type, role: q.role, page: q.page, answer: show(q, a) }];
  });
  return {
    ok: true,
    page: { index: state.page, id: page?.id ?? '', title: page?.title ?? '' },
    visited: { count: state.visited.filter(Boolean).length, of: data.pages.length, ids: data.pages.filter((_, i) => state.visited[i]).map((p) => p.id) },
    session: state.session,
    quizSeed: state.quizSeed,
    answers,
    unanswered: data.questions.length - answers.length,
  };
}
