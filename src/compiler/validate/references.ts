import type { Diagnostics } from '../../diagnostics';
import type { SourceSet } from '../load/source';
import type { Token } from '../markdown';
import { classifyLink } from '../links';
import type { ParsedLesson } from './parsed';

function* inlineTokens(tokens: Token[], firstLine: number): Generator<{ token: Token; line: number }> {
  let line = firstLine;
  for (const block of tokens) {
    if (block.map) line = firstLine + block.map[0];
    for (const child of block.children ?? []) yield { token: child, line };
  }
}

/**
 * Every link, image and handout in one language's lessons must resolve: to a page, a lesson, or a
 * file of the course. Images need alt text unless marked decorative.
 */
export function checkReferences(source: SourceSet, lessons: ParsedLesson[], lessonIds: Set<string>, diagnostics: Diagnostics): void {
  const pageIds = new Set(lessons.flatMap((l) => l.pages.map((p) => p.id)));
  for (const lesson of lessons) {
    const file = lesson.file;
    const offset = lesson.bodyLine;
    for (const handout of lesson.front.handouts) {
      const target = classifyLink(handout.file, 'course.yaml', { literal: true });
      if (target.kind !== 'asset' || !source.files.has(target.path)) {
        const cut = target.kind === 'asset' && [...source.files.keys()].find((f) => f.startsWith(`${target.path} #`));
        const hint = cut ? `in YAML " #" starts a comment: quote the path, file: "${cut}"` : 'paths in front matter are relative to the course folder, e.g. handouts/checklist.en.md';
        diagnostics.error(file.display, 2, 'reference/missing-handout', `handout file "${handout.file}" not found`, hint);
      }
    }
    const cover = lesson.front.cover;
    if (cover && !source.files.has(cover)) {
      diagnostics.error(file.display, 2, 'media/missing', `cover image "${cover}" not found`, 'paths in front matter are relative to the course folder, e.g. media/cover.jpg');
    }
    for (const page of lesson.pages) {
      for (const block of page.blocks) {
        if (!('tokens' in block)) continue; // questions, facilitator notes and activities hold no course links
        for (const { token, line: rel } of inlineTokens(block.tokens, 0)) {
          const line = rel + offset;
          if (token.type === 'image') {
            const src = token.attrGet('src') ?? '';
            const decorative = token.attrGet('title') === 'decorative';
            if (!token.content.trim() && !decorative) {
              diagnostics.error(file.display, line, 'media/missing-alt', `image "${src}" has no alt text`, 'describe it: ![what it shows](path); a purely decorative image: ![](path "decorative")');
            }
            checkTarget(src, line, 'media');
          } else if (token.type === 'link_open') {
            checkTarget(token.attrGet('href') ?? '', line, 'link');
          }
        }
      }
    }
    /** A file name with # in it, cut at the # (a URL's fragment), is the commonest "not found". */
    function missingHint(path: string): string {
      const cut = [...source.files.keys()].find((f) => f.startsWith(`${path}#`));
      return cut ? `in a link "#" starts a fragment: write it as %23, e.g. ${cut.split('/').pop()!.replace(/#/g, '%23')}` : 'check the path: it is relative to this file';
    }
    function checkTarget(href: string, line: number, what: 'media' | 'link'): void {
      const target = classifyLink(href, file.relative);
      const rule = what === 'media' ? 'media/missing' : 'link/broken';
      if (what === 'media' && target.kind === 'external') diagnostics.error(file.display, line, 'media/external', `image "${href}" is on another host`, 'learners may be offline or behind a firewall: save the file into the course folder (media/) and point at it');
      else if (target.kind === 'malformed') diagnostics.error(file.display, line, 'reference/malformed-escape', `"${href}" has a percent-escape that is not UTF-8`, 'write the file name as it is (e.g. café.png), or escape each byte of its UTF-8 (%C3%A9); a literal % is %25');
      else if (target.kind === 'outside') diagnostics.error(file.display, line, rule, `"${href}" points outside the course folder`, 'copy the file into the course folder (media/ or handouts/)');
      else if (target.kind === 'asset' && !source.files.has(target.path)) diagnostics.error(file.display, line, rule, `"${href}": file ${target.path} not found`, missingHint(target.path));
      else if (target.kind === 'page' && !pageIds.has(target.pageId)) diagnostics.error(file.display, line, rule, `"${href}": no page has the id "${target.pageId}"`, 'page ids are set with "# Title {#page-id}"');
      else if (target.kind === 'lesson' && !lessonIds.has(target.lessonId)) diagnostics.error(file.display, line, rule, `"${href}": lesson "${target.lessonId}" is not in course.yaml's lessons`, 'link to a lesson listed in course.yaml');
      else if (target.kind === 'lesson' && target.pageId && !pageIds.has(target.pageId)) diagnostics.error(file.display, line, rule, `"${href}": no page has the id "${target.pageId}"`);
    }
  }
}

