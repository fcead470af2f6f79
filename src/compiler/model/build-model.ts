import type { CourseSpec } from '../../schema';
import { classifyLink } from '../links';
import type { Token } from '../markdown';
import { markdown } from '../markdown';
import { objectiveCoverage, strataOf, textIn, type ParsedLesson, type ParsedPage, type ValidatedCourse } from '../validate';
import type { ActivityModel, CourseModel, FrameModel, HandoutModel, LessonModel, PageModel, QuestionModel, QuestionRole, TrackedBlock } from './course-model';
import { workshopModel } from './workshop-model';
import { answerShape, structureHash } from './shapes';
import { trackBlocks, usedFamilies } from './blocks';
import { blockFiles } from './block-files';
import { tintFor } from '../validate/contrast';

// qps-plocm: the right-to-left pseudo language of `coursepack translate --pseudo --rtl`.
const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'dv', 'yi', 'qps-plocm']);
const DEFAULT_COLOUR = '#00548a';
/** The dark scheme's page and card backgrounds (templates/styles/coursepack.css). */
const DARK_SURFACES = ['#14181d', '#1f262e'];
const DEFAULT_FONTS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

function roleOf(lesson: ParsedLesson, type: string): QuestionRole {
  if (lesson.front.kind === 'quiz') return 'quiz';
  if (lesson.front.kind === 'survey') return 'survey';
  return type === 'scenario' ? 'scenario' : 'check';
}

/** Files a list of Markdown tokens points at: links to course files into `out`, images into `images`. */
function assetsIn(tokens: Token[], fromFile: string, out: Set<string>, images: Set<string> = out): void {
  for (const block of tokens) {
    for (const t of block.children ?? []) {
      const href = t.type === 'image' ? t.attrGet('src') : t.type === 'link_open' ? t.attrGet('href') : null;
      if (!href) continue;
      const target = classifyLink(href, fromFile);
      if (target.kind === 'asset' && !target.path.endsWith('.md')) (t.type === 'image' ? images : out).add(target.path);
    }
  }
}

function handoutOf(course: ValidatedCourse, title: string, file: string, assets: Set<string>): HandoutModel {
  const source = classifyLink(file, 'course.yaml', { literal: true });
  const path = source.kind === 'asset' ? source.path : file;
  const markdownFile = course.source.markdownFiles.get(path);
  if (markdownFile) assetsIn(markdown.parse(markdownFile.text, {}), path, assets);
  else assets.add(path);
  return { title, source: path, href: markdownFile ? path.replace(/\.md$/, '.html') : path, markdown: markdownFile };
}

/** A page's facilitator notes and activities: kept beside the page, never in its learner blocks. */
function pageKit(page: ParsedPage, lessonIndex: number): { notes: string[]; activities: ActivityModel[] } {
  const notes: string[] = [];
  const activities: ActivityModel[] = [];
  for (const block of page.blocks) {
    if (block.kind === 'facilitator') notes.push(block.markdown);
    if (block.kind === 'activity') activities.push({ spec: block.activity.spec, pageId: page.id, lessonIndex });
  }
  return { notes, activities };
}

/** Every frame page is on unless course.yaml turns it off. */
function frameModel(spec: CourseSpec, text: (t: Parameters<typeof textIn>[0] | undefined) => string): FrameModel {
  const f = spec.frame ?? {};
  const optional = (t: Parameters<typeof textIn>[0] | undefined) => (t === undefined ? undefined : text(t));
  const on = (page: { enabled: boolean } | undefined) => page?.enabled !== false;
  return {
    welcome: on(f.welcome) ? { text: optional(f.welcome?.text) } : undefined,
    lessonStart: on(f.lessonStart),
    finish: on(f.finish) ? { text: optional(f.finish?.text) } : undefined,
    certificate: on(f.finish) && on(f.certificate) ? { signature: optional(f.certificate?.signature) } : undefined,
    accessibility: on(f.accessibility) ? { contact: optional(f.accessibility?.contact), text: optional(f.accessibility?.text) } : undefined,
  };
}

/** Turns the validated course into one model per language. */
export function buildModels(course: ValidatedCourse): CourseModel[] {
  const { spec } = course;
  return spec.languages.map((lang) => buildModel(course, spec, lang));
}

function buildModel(course: ValidatedCourse, spec: CourseSpec, lang: string): CourseModel {
  const source = spec.languages[0]!;
  const text = (t: Parameters<typeof textIn>[0] | undefined) => (t === undefined ? '' : textIn(t, lang, source));
  const parsed = course.lessons.get(lang) ?? [];
  const lessons: LessonModel[] = [];
  const pages: PageModel[] = [];
  const questions: QuestionModel[] = [];
  const trackedBlocks: TrackedBlock[] = [];
  const used = { scripts: new Set<string>(), styles: new Set<string>() };
  const activities: ActivityModel[] = [];
  const assets = new Set<string>();
  const images = new Set<string>();
  const linkedMarkdown = new Set<string>();
  parsed.forEach((lesson, lessonIndex) => {
    const handouts = lesson.front.handouts.map((h) => handoutOf(course, h.title, h.file, assets));
    if (lesson.front.cover) assets.add(lesson.front.cover);
    lessons.push({ id: lesson.id, index: lessonIndex, kind: lesson.front.kind, title: lesson.front.title, duration: lesson.front.duration, cover: lesson.front.cover, pageIds: lesson.pages.map((p) => p.id), handouts, file: lesson.file });
    for (const page of lesson.pages) {
      const kit = pageKit(page, lessonIndex);
      activities.push(...kit.activities);
      const blocks = page.blocks.flatMap((block) => (block.kind === 'facilitator' || block.kind === 'activity' ? [] : [block])).map((block) => {
        if (block.kind !== 'question') {
          assetsIn(block.tokens, lesson.file.relative, assets, images);
          for (const t of block.tokens.flatMap((b) => b.children ?? [])) {
            const target = t.type === 'link_open' ? classifyLink(t.attrGet('href') ?? '', lesson.file.relative) : undefined;
            if (target?.kind === 'asset' && target.path.endsWith('.md')) linkedMarkdown.add(target.path);
          }
          return block;
        }
        const q = block.question.spec;
        const model: QuestionModel = { id: q.id, index: questions.length, pageId: page.id, role: roleOf(lesson, q.type), spec: q, shape: answerShape(q) };
        questions.push(model);
        return { kind: 'question' as const, question: model };
      });
      trackBlocks(blocks, pages.length, trackedBlocks);
      usedFamilies(blocks, used);
      blockFiles(blocks, lesson.file.relative, assets, images);
      pages.push({ id: page.id, index: pages.length, lessonIndex, kind: lesson.front.kind, title: page.title, blocks, notes: kit.notes, activityIds: kit.activities.map((a) => a.spec.id) });
    }
  });
  const quizLesson = lessons.find((l) => l.kind === 'quiz');
  const quizQuestions = questions.filter((q) => q.role === 'quiz').map((q) => q.id);
  const quizFront = parsed.find((l) => l.front.kind === 'quiz')?.front;
  const stratify = quizFront?.stratify && { ...quizFront.stratify, strata: strataOf(parsed, quizFront.stratify.per).map((s) => s.questionIds) };
  for (const file of [spec.theme?.logo, spec.theme?.fontFile, spec.theme?.coverImage]) if (file) assets.add(file);
  const printables = new Map<string, HandoutModel>();
  for (const h of lessons.flatMap((l) => l.handouts)) if (h.markdown) printables.set(h.source, h);
  for (const path of linkedMarkdown) if (!printables.has(path)) printables.set(path, handoutOf(course, path, path, assets));
  return {
    id: spec.id,
    version: spec.version,
    lang,
    dir: RTL.has(lang) || RTL.has(lang.split('-')[0]!) ? 'rtl' : 'ltr',
    languages: spec.languages,
    strings: course.strings.get(lang) ?? {},
    title: text(spec.title),
    description: text(spec.description),
    organization: text(spec.organization),
    frame: frameModel(spec, text),
    lessons,
    pages,
    questions,
    trackedBlocks,
    blockAssets: { scripts: [...used.scripts].sort(), styles: [...used.styles].sort() },
    activities,
    workshop: course.workshop && workshopModel(course.workshop, parsed, lang, source),
    quiz: quizLesson && {
      pageId: quizLesson.pageIds[0]!,
      questionIds: quizQuestions,
      draw: Math.min(quizFront?.draw ?? quizQuestions.length, quizQuestions.length),
      retake: quizFront?.retake ?? false,
      stratify,
    },
    objectives: objectiveCoverage(parsed),
    completion: spec.completion,
    masteryScore: quizLesson ? spec.masteryScore : undefined,
    targets: spec.targets,
    activityId: spec.xapi?.activityId ?? `urn:coursepack:${spec.id}`,
    theme: {
      primaryColor: spec.theme?.primaryColor ?? DEFAULT_COLOUR,
      primaryDark: tintFor(spec.theme?.primaryColor ?? DEFAULT_COLOUR, DARK_SURFACES[1]!),
      fontStack: spec.theme?.fontStack ?? DEFAULT_FONTS,
      logo: spec.theme?.logo,
      logoAlt: spec.theme?.logoAlt === undefined ? undefined : text(spec.theme.logoAlt),
      fontFile: spec.theme?.fontFile,
      coverImage: spec.theme?.coverImage,
      colorScheme: spec.theme?.colorScheme ?? 'auto',
    },
    assets: [...assets].sort(),
    images: [...images].sort(),
    printables: [...printables.values()],
    structureHash: structureHash([spec.id, ...pages.map((p) => p.id), ...questions.map((q) => `${q.id}:${JSON.stringify(q.shape)}`), ...(stratify ? [JSON.stringify(stratify)] : []), ...trackedBlocks.map((b) => `${b.name}@${b.pageIndex}`)]),
    sourceDir: course.source.dir,
    spec,
  };
}
