import { classifyLink, encodePath } from '../../links';
import type { BlockFamily, BlockNode, RenderContext } from './family';
import { hasText } from './lead-image';
import { esc } from './markup';

const TYPES: Record<string, string> = { mp4: 'video/mp4', m4v: 'video/mp4', webm: 'video/webm', ogv: 'video/ogg', mp3: 'audio/mpeg', m4a: 'audio/mp4', aac: 'audio/aac', ogg: 'audio/ogg', oga: 'audio/ogg', opus: 'audio/ogg', wav: 'audio/wav' };

/** URL (percent-encoded, relative to the page) of a file attribute the lesson writes relative to itself. */
function fileUrl(href: string, ctx: RenderContext): string {
  const target = classifyLink(href, ctx.env.fromFile);
  return target.kind === 'asset' ? ctx.env.assetUrl(target.path) : href;
}

function typeOf(file: string, audio: boolean): string {
  const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase() ?? '';
  return ext === 'webm' && audio ? 'audio/webm' : TYPES[ext] ?? '';
}

/** A transcript or description: a native disclosure, so it needs no script. */
function disclosure(title: string, body: string): string {
  return `<details class="cp-disclosure cp-transcript"><summary>${title}</summary><div class="cp-transcript-body">${body}</div></details>`;
}

function languageName(lang: string): string {
  const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

function player(node: BlockNode, ctx: RenderContext, kind: 'video' | 'audio'): string {
  const src = fileUrl(node.attrs.src ?? '', ctx);
  const title = node.attrs.title ? ctx.inline(node.attrs.title) : '';
  const name = title ? ` aria-label="${esc(title.replace(/<[^>]*>/g, ''))}"` : '';
  const download = `<a href="${esc(src)}">${esc(ctx.strings[kind === 'video' ? 'downloadVideo' : 'downloadAudio'] ?? 'Download')}</a>`;
  let attrs = `controls preload="${node.attrs.poster ? 'none' : 'metadata'}"${name}`;
  let tracks = '';
  if (kind === 'video') {
    const poster = node.attrs.poster && classifyLink(node.attrs.poster, ctx.env.fromFile);
    const image = poster && poster.kind === 'asset' ? ctx.env.media?.library.images.get(poster.path) : undefined;
    // The fallback variant: the one format every browser shows as a poster.
    if (node.attrs.poster) attrs += ` poster="${esc(image ? encodePath(image.src) : fileUrl(node.attrs.poster, ctx))}"`;
    if (image?.width) attrs += ` width="${image.width}" height="${image.height}"`;
    attrs += ' playsinline';
    const lang = ctx.env.media?.lang ?? 'en';
    if (node.attrs.captions) tracks = `<track kind="captions" src="${esc(fileUrl(node.attrs.captions, ctx))}" srclang="${esc(lang)}" label="${esc(languageName(lang))}" default>`;
  }
  const element = `<${kind} ${attrs}><source src="${esc(src)}" type="${typeOf(src, kind === 'audio')}">${tracks}${download}</${kind}>`;
  const caption = title ? `<figcaption>${title}</figcaption>` : '';
  const transcript = hasText(node.intro) ? disclosure(esc(ctx.strings.transcript ?? 'Transcript'), ctx.content(node.intro)) : '';
  return `<figure class="cp-media cp-${kind}">${element}${caption}</figure>${transcript}`;
}

/**
 * Video from a local file, never transcoded: native controls, no autoplay, WebVTT captions (checked
 * at build time), a poster through the media stage, and the block's text as its transcript.
 */
export const video: BlockFamily = {
  names: ['video'],
  style: 'media',
  files: { src: 'media', captions: 'captions', poster: 'image' },
  check(node, report) {
    if (node.attrs.speech === 'false' && !hasText(node.intro)) report(node.line, 'media/missing-description', 'a video without speech needs a text description in the block', 'describe what the video shows, for learners who cannot see it', node.column);
  },
  render: (node, ctx) => player(node, ctx, 'video'),
};

/** Audio from a local file: native controls, no autoplay, and a transcript (required). */
export const audio: BlockFamily = {
  names: ['audio'],
  style: 'media',
  files: { src: 'media' },
  check(node, report) {
    if (!hasText(node.intro)) report(node.line, 'media/missing-transcript', 'an audio block needs its transcript inside the block', 'write what is said (and other sounds that matter) between the ::: lines; it is shown behind a "Transcript" button', node.column);
  },
  render: (node, ctx) => player(node, ctx, 'audio'),
};

/** A transcript or any long text behind a disclosure button. */
export const transcript: BlockFamily = {
  names: ['transcript'],
  style: 'media',
  render: (node, ctx) => disclosure(node.attrs.title ? ctx.inline(node.attrs.title) : esc(ctx.strings.transcript ?? 'Transcript'), ctx.content(node.intro)),
};
