import type { Diagnostics } from '../../diagnostics';
import type { SourceSet } from '../load/source';
import { classifyLink } from '../links';
import { checkCaptions } from '../media/captions';
import { familyOf } from '../render/blocks';
import { blockNodes } from '../render/blocks/walk';
import type { ParsedLesson } from './parsed';

/** What a file attribute may name, by what it is for. */
const EXTENSIONS: Record<string, { pattern: RegExp; what: string }> = {
  'video.src': { pattern: /\.(mp4|m4v|webm|ogv)$/i, what: 'an MP4 or WebM video' },
  'audio.src': { pattern: /\.(mp3|m4a|aac|ogg|oga|opus|wav|webm)$/i, what: 'an MP3, M4A, Ogg, Opus or WAV audio file' },
  captions: { pattern: /\.vtt$/i, what: 'a WebVTT (.vtt) caption file' },
  image: { pattern: /\.(jpe?g|png|webp|avif|tiff?|gif|svg)$/i, what: 'an image (JPEG, PNG, WebP, SVG…)' },
};

/**
 * The files that block attributes name (video and audio, their captions and posters) must be in the
 * course folder and of the right kind; caption files must be valid WebVTT, read by the spec's parser.
 * A video with speech needs captions. Errors stand on the attribute, or in the caption file.
 */
export function checkBlockFiles(source: SourceSet, lesson: ParsedLesson, diagnostics: Diagnostics): void {
  const file = lesson.file;
  const lines = file.text.split('\n');
  for (const page of lesson.pages) {
    for (const node of blockNodes(page.blocks)) {
      const kinds = familyOf(node.name)?.files ?? {};
      const columnOf = (key: string) => (lines[node.line - 1]?.indexOf(`${key}=`) ?? -1) + 1 || node.column;
      for (const [key, kind] of Object.entries(kinds)) {
        const href = node.attrs[key];
        if (href === undefined) continue;
        const at = columnOf(key);
        const target = classifyLink(href, file.relative);
        if (target.kind === 'external') {
          diagnostics.error(file.display, node.line, 'media/external', `${key}="${href}" is on another host`, 'learners may be offline or behind a firewall: save the file into the course folder (media/) and point at it', at);
          continue;
        }
        if (target.kind !== 'asset' || !source.files.has(target.path)) {
          diagnostics.error(file.display, node.line, 'media/missing', `${key}="${href}": file not found`, 'the path is relative to this lesson file, e.g. ../media/interview.mp4', at);
          continue;
        }
        const expected = EXTENSIONS[`${node.name}.${key}`] ?? EXTENSIONS[kind];
        if (expected && !expected.pattern.test(target.path)) {
          diagnostics.error(file.display, node.line, 'media/wrong-type', `${key}="${href}" should be ${expected.what}`, kind === 'captions' ? 'convert SRT captions to WebVTT (most subtitle editors export .vtt)' : undefined, at);
          continue;
        }
        if (kind === 'captions') {
          const captions = source.captionFiles.get(target.path)!;
          for (const problem of checkCaptions(captions.text)) {
            diagnostics.error(captions.display, problem.line, 'media/malformed-captions', `captions: ${problem.message}`, 'a WebVTT file starts with "WEBVTT", a blank line, then cues: "00:00:01.000 --> 00:00:04.000" and their text', problem.column);
          }
        }
      }
      if (node.name === 'video' && !node.attrs.captions && node.attrs.speech !== 'false') {
        diagnostics.error(file.display, node.line, 'media/missing-captions', 'a video with speech needs captions', 'add captions="../media/<name>.<lang>.vtt" (WebVTT); for a video with no speech, add speech="false" and describe it in the block', node.column);
      }
    }
  }
}
