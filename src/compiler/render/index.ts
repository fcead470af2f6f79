import { promises as fs } from 'node:fs';
import path from 'node:path';
import { format } from '../../i18n';
import { EMPTY_LIBRARY, type MediaLibrary } from '../media';
import type { CourseModel, PageModel } from '../model';
import { encodePath, relativeUrl } from '../links';
import { courseData } from './course-data';
import { frameViews, lessonStartView, minutesText } from './frame-view';
import { withCsp } from './csp';
import { renderBlockTokens, renderInline, renderMarkdown, plainText, type LinkEnv } from './markdown-html';
import { questionView } from './question-view';
import { renderBlock, type BlockContent, type RenderContext } from './blocks';
import { siteStylesheet } from './blocks/assets';
import { loadTemplates } from './templates';

/** The files of one language's course, before a package writer adds its runtime and manifest. */
export interface RenderedSite {
  lang: string;
  /** Package path → content. */
  files: Map<string, string | Buffer>;
}

/** Links in Markdown from course file `fromFile`, rendered into the package file `outputFile`. */
function linkEnv(model: CourseModel, fromFile: string, outputFile = 'index.html'): LinkEnv {
  const printable = new Map(model.printables.map((p) => [p.source, p.href]));
  return {
    fromFile,
    firstPageOf: (lessonId) => model.lessons.find((l) => l.id === lessonId)?.pageIds[0],
    assetUrl: (coursePath) => relativeUrl(outputFile, printable.get(coursePath) ?? coursePath),
  };
}

function pageHtml(model: CourseModel, page: PageModel, strings: Record<string, string>, media: MediaLibrary): string {
  const lesson = model.lessons[page.lessonIndex]!;
  const env: LinkEnv = { ...linkEnv(model, lesson.file.relative), media: { library: media, placed: 0, lang: model.lang } };
  const { question } = loadTemplates();
  const ctx: RenderContext = {
    env,
    strings,
    inline: (text) => renderInline(text, env),
    content: (content: BlockContent[]) => content.map((c) => (c.kind === 'markdown' ? renderBlockTokens(c.tokens, env) : renderBlock(c.node, ctx))).join(''),
  };
  return page.blocks
    .map((block) => (block.kind === 'question' ? question({ ...questionView(block.question, env, strings), strings }) : block.kind === 'block' ? renderBlock(block.node, ctx) : renderBlockTokens(block.tokens, env)))
    .join('\n');
}

/** Renders one language: index.html with every page, printable handouts, CSS, assets and images. */
export async function renderSite(model: CourseModel, media: MediaLibrary = EMPTY_LIBRARY): Promise<RenderedSite> {
  const templates = loadTemplates();
  const strings = model.strings;
  const files = new Map<string, string | Buffer>();
  const lessonNumber = new Map<number, number>();
  model.lessons.filter((l) => l.kind === 'lesson').forEach((l, i) => lessonNumber.set(l.index, i + 1));
  const pages = model.pages.map((page) => {
    const lesson = model.lessons[page.lessonIndex]!;
    const n = lessonNumber.get(lesson.index);
    const first = lesson.pageIds[0] === page.id;
    return {
      id: page.id,
      kind: page.kind,
      title: page.title,
      lessonLabel: n ? `${format(strings.lesson ?? '', { n })} · ${lesson.title}` : lesson.title,
      html: pageHtml(model, page, strings, media),
      isQuiz: model.quiz?.pageId === page.id,
      handouts: lesson.handouts.map((h) => ({ ...h, href: encodePath(h.href) })),
      lessonStart: first ? lessonStartView(model, lesson, strings) : undefined,
    };
  });
  const lessons = model.lessons.map((l) => ({
    title: l.title,
    duration: l.duration && minutesText(l.duration, strings),
    pages: l.pageIds.map((id) => ({ id, title: model.pages.find((p) => p.id === id)?.title ?? id })),
  }));
  const data = JSON.stringify(courseData(model, strings)).replace(/</g, '\\u003c');
  const theme = { ...model.theme, logo: model.theme.logo && encodePath(model.theme.logo), coverImage: model.theme.coverImage && encodePath(model.theme.coverImage), fontFile: model.theme.fontFile && encodePath(model.theme.fontFile) };
  const frame = frameViews({ ...model, theme }, strings);
  // The first screen goes into the page container as HTML, readable before the runtime has run.
  const first = frame.welcome ? templates.partial('frame-welcome', { ...frame.welcome, strings }) : pages[0] ? templates.partial('page', { ...pages[0], strings }) : '';
  files.set('index.html', withCsp(templates.course({ ...model, theme, strings, pages, lessons, data, frame, first }), { runtimeSetsConnect: true }));
  files.set('coursepack.css', siteStylesheet(templates.css, model.blockAssets.styles));
  for (const printable of model.printables) {
    if (!printable.markdown) continue;
    const depth = printable.href.split('/').length - 1;
    const html = renderMarkdown(printable.markdown.text, linkEnv(model, printable.source, printable.href));
    const title = plainText(printable.title.endsWith('.md') ? printable.markdown.text.match(/^#\s+(.+)$/m)?.[1] ?? printable.title : printable.title);
    files.set(printable.href, withCsp(templates.handout({ ...model, title, courseTitle: model.title, html, strings, root: '../'.repeat(depth) }), { runtimeSetsConnect: false }));
    files.set('handout.js', templates.handoutScript);
  }
  for (const asset of model.assets) files.set(asset, await fs.readFile(path.join(model.sourceDir, asset)));
  for (const source of model.images) {
    const image = media.images.get(source);
    if (!image) files.set(source, await fs.readFile(path.join(model.sourceDir, source)));
    else for (const file of image.files) files.set(file, media.files.get(file)!);
  }
  return { lang: model.lang, files };
}
