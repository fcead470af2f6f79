import path from 'node:path';
import { writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import { compile, type CompileResult } from '../../src/compiler';
import { validateXml } from '../../src/conformance';
import { ContentError, type Diagnostic } from '../../src/diagnostics';
import { courseCopy, lineOf } from './helpers';

jest.setTimeout(120_000); // image encoding is CPU work; a loaded 2-core machine needs the room

const MEDIA = path.join(__dirname, '..', 'fixtures', 'courses', 'media');
const en = 'lessons/media.en.md';

async function errorsOf(dir: string): Promise<Diagnostic[]> {
  const error = await compile(dir, { targets: ['web'] }).then(() => undefined, (e: unknown) => e);
  if (!(error instanceof ContentError)) throw new Error(`expected content errors, got ${String(error)}`);
  return error.diagnostics.filter((d) => d.severity === 'error');
}

const copy = (edit: (t: string) => string) => courseCopy({ [en]: edit }, MEDIA);

describe('every media mistake is a positioned error with a hint', () => {
  test('an image block whose image has no alt text', async () => {
    const dir = copy((t) => t.replace('![Boats moored in a small harbour at dawn]', '![]'));
    expect(await errorsOf(dir)).toEqual([expect.objectContaining({ rule: 'media/missing-alt', line: lineOf(dir, en, '![](../media/harbour.jpg)') })]);
  });

  test('an image block with no image', async () => {
    const dir = copy((t) => t.replace('![Boats moored in a small harbour at dawn](../media/harbour.jpg)\n', ''));
    expect(await errorsOf(dir)).toEqual([expect.objectContaining({ rule: 'media/no-image', line: lineOf(dir, en, '::: image'), hint: expect.stringContaining('![') })]);
  });

  test('a video with speech and no captions', async () => {
    const dir = copy((t) => t.replace(' captions="../media/clip.en.vtt"', ''));
    expect(await errorsOf(dir)).toEqual([expect.objectContaining({ rule: 'media/missing-captions', line: lineOf(dir, en, '::: video'), column: 1, hint: expect.stringContaining('speech="false"') })]);
  });

  test('a caption file that is not there, on the attribute', async () => {
    const dir = copy((t) => t.replace('clip.en.vtt', 'clip.de.vtt'));
    const line = lineOf(dir, en, '::: video');
    const column = (require('node:fs').readFileSync(path.join(dir, en), 'utf8') as string).split('\n')[line - 1]!.indexOf('captions=') + 1;
    expect(await errorsOf(dir)).toEqual([expect.objectContaining({ rule: 'media/missing', line, column, message: expect.stringContaining('clip.de.vtt') })]);
  });

  test('malformed captions: the WebVTT parser\'s message at the line in the .vtt file', async () => {
    const dir = copy((t) => t);
    writeFileSync(path.join(dir, 'media', 'clip.en.vtt'), 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nFirst.\n\n00:00:01,000 --> 00:00:02.000\nA comma, as in SRT.\n');
    const errors = await errorsOf(dir);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ rule: 'media/malformed-captions', file: expect.stringContaining(path.join('media', 'clip.en.vtt')), line: 6, hint: expect.stringContaining('WEBVTT') });
  });

  test('a caption file with no cue, and one without the WEBVTT signature', async () => {
    const dir = copy((t) => t);
    writeFileSync(path.join(dir, 'media', 'clip.en.vtt'), 'WEBVTT\n');
    expect(await errorsOf(dir)).toEqual([expect.objectContaining({ rule: 'media/malformed-captions', line: 1, message: 'captions: the file has no caption cue' })]);
    writeFileSync(path.join(dir, 'media', 'clip.en.vtt'), '1\n00:00:00,000 --> 00:00:01,000\nSRT\n');
    expect((await errorsOf(dir))[0]).toMatchObject({ rule: 'media/malformed-captions', line: 1, message: expect.stringContaining('WEBVTT') });
  });

  test('SRT captions named in the block', async () => {
    const dir = copy((t) => t.replace('clip.en.vtt', 'clip.en.srt'));
    writeFileSync(path.join(dir, 'media', 'clip.en.srt'), '1\n00:00:00,000 --> 00:00:01,000\nSRT\n');
    expect(await errorsOf(dir)).toEqual([expect.objectContaining({ rule: 'media/wrong-type', hint: expect.stringContaining('WebVTT') })]);
  });

  test('a video whose file is missing, and one with no src at all', async () => {
    let dir = copy((t) => t.replace('clip.webm', 'lost.webm'));
    expect(await errorsOf(dir)).toEqual([expect.objectContaining({ rule: 'media/missing', message: expect.stringContaining('lost.webm') })]);
    dir = copy((t) => t.replace('::: video src="../media/clip.webm" ', '::: video '));
    expect(await errorsOf(dir)).toContainEqual(expect.objectContaining({ rule: 'block/missing-attribute', message: expect.stringContaining('src') }));
  });

  test('an unknown attribute, with a suggestion', async () => {
    const dir = copy((t) => t.replace('::: video src=', '::: video autoplay="true" src='));
    expect(await errorsOf(dir)).toContainEqual(expect.objectContaining({ rule: 'block/unknown-attribute', line: lineOf(dir, en, '::: video'), message: expect.stringContaining('autoplay') }));
  });

  test('audio without a transcript; a diagram without a description or not an SVG', async () => {
    let dir = copy((t) => t.replace("Two seconds of a steady tone at 330 hertz; nothing is said.\n", ''));
    expect(await errorsOf(dir)).toEqual([expect.objectContaining({ rule: 'media/missing-transcript', line: lineOf(dir, en, '::: audio') })]);
    dir = copy((t) => t.replace(/Three boxes from left to right.*\n/, ''));
    expect(await errorsOf(dir)).toEqual([expect.objectContaining({ rule: 'media/missing-description', line: lineOf(dir, en, '::: diagram') })]);
    dir = copy((t) => t.replace('../media/flow.svg', '../media/market.jpg'));
    expect(await errorsOf(dir)).toEqual([expect.objectContaining({ rule: 'media/wrong-type', line: lineOf(dir, en, '::: diagram') })]);
  });

  test('an SVG that is not well-formed, at its line and column', async () => {
    const dir = copy((t) => t);
    writeFileSync(path.join(dir, 'media', 'flow.svg'), '<svg xmlns="http://www.w3.org/2000/svg">\n  <g>\n</svg>\n');
    expect(await errorsOf(dir)).toEqual([expect.objectContaining({ rule: 'media/malformed-svg', file: expect.stringContaining('flow.svg'), line: 3 })]);
  });

  test('a hotspot without a position, or outside the image', async () => {
    let dir = copy((t) => t.replace('## North fields {x=25% y=30%}', '## North fields'));
    expect(await errorsOf(dir)).toEqual([expect.objectContaining({ rule: 'block/hotspot-position', line: lineOf(dir, en, '## North fields'), hint: expect.stringContaining('{x=30% y=40%}') })]);
    dir = copy((t) => t.replace('{x=70% y=60%}', '{x=170% y=60%}'));
    expect(await errorsOf(dir)).toEqual([expect.objectContaining({ rule: 'block/hotspot-position', message: expect.stringContaining('outside') })]);
  });
});

describe('the media blocks in a package', () => {
  let result: CompileResult;
  let html: string;
  beforeAll(async () => {
    result = await compile(MEDIA, { targets: ['scorm12', 'scorm2004', 'web'] });
    html = await (await JSZip.loadAsync(result.packages.find((p) => p.target === 'web' && p.lang === 'en')!.zip)).file('index.html')!.async('string');
  });

  test('the diagram is inline and sanitised: no script, handler or external reference; named and described', () => {
    const svg = html.match(/<svg xmlns[^]*?<\/svg>/)![0];
    expect(svg).not.toMatch(/script|onclick|example\.org|<image|<title/);
    expect(svg).toMatch(/role="img" aria-labelledby="(cp-b\d+)-t" focusable="false" aria-describedby="\1-d"/);
    expect(svg).toMatch(/marker-end="url\(#cp-b\d+-arrow\)"/);
    expect(svg).toMatch(/<marker id="cp-b\d+-arrow"/);
  });

  test('video: native controls, no autoplay, captions track in the page language, poster variant; audio and transcripts', () => {
    const video = html.match(/<video [^]*?<\/video>/)![0];
    expect(video).toMatch(/^<video controls preload="none" aria-label="A two-second test pattern" poster="cp-media\/media\/clip-poster-160.jpg" width="160" height="90" playsinline>/);
    expect(video).toContain('<source src="media/clip.webm" type="video/webm"><track kind="captions" src="media/clip.en.vtt" srclang="en" label="English" default>');
    expect(html).not.toMatch(/autoplay/);
    expect(html).toContain('<audio controls preload="metadata" aria-label="A steady tone"><source src="media/tone.ogg" type="audio/ogg">');
    expect(html.match(/<details class="cp-disclosure cp-transcript"><summary>(Transcript|Read the interview)<\/summary>/g)).toHaveLength(3);
  });

  test('gallery: labelled slides, the first shown; labelled graphic: markers, panels, list button', () => {
    expect(html).toContain('<section class="cp-carousel" aria-roledescription="carousel" aria-label="Life in Taloria">');
    expect(html.match(/role="group" aria-roledescription="slide" aria-label="\d of 3: [^"]+"/g)).toHaveLength(3);
    expect(html.match(/class="cp-slide"[^>]*hidden/g)).toHaveLength(2);
    expect(html).toMatch(/<button type="button" class="cp-hotspot" style="left:25%;top:30%" aria-expanded="false" aria-controls="(cp-b\d+-1)"><span aria-hidden="true">1<\/span><span class="cp-sr-only">North fields<\/span><\/button>/);
    expect(html).toContain('aria-pressed="false"');
  });

  test('Arabic: captions in Arabic, the same blocks', async () => {
    const ar = await (await JSZip.loadAsync(result.packages.find((p) => p.target === 'web' && p.lang === 'ar')!.zip)).file('index.html')!.async('string');
    expect(ar).toContain('<track kind="captions" src="media/clip.ar.vtt" srclang="ar" label="العربية" default>');
    expect(ar).toContain('aria-label="الحياة في تالوريا"');
  });

  test('media files ship as they are, SCORM manifests list every file and validate against the XSDs', async () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
    for (const pkg of result.packages.filter((p) => p.target.startsWith('scorm'))) {
      const zip = await JSZip.loadAsync(pkg.zip);
      const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
      expect(names).toEqual(expect.arrayContaining(['media/clip.webm', `media/clip.${pkg.lang}.vtt`, 'media/tone.ogg', 'media/flow.svg', 'cp-media/media/market-720.webp']));
      const original = require('node:fs').readFileSync(path.join(MEDIA, 'media', 'clip.webm')) as Buffer;
      expect((await zip.file('media/clip.webm')!.async('nodebuffer')).equals(original)).toBe(true);
      const xml = await zip.file('imsmanifest.xml')!.async('string');
      const listed = new Set([].concat(parser.parse(xml).manifest.resources.resource.file).map((f: { href: string }) => f.href));
      expect(names.filter((n) => !listed.has(n) && !/\.(xsd|dtd)$/.test(n) && n !== 'imsmanifest.xml')).toEqual([]);
      expect((await validateXml(pkg.target as 'scorm12' | 'scorm2004', xml)).errors).toEqual([]);
    }
  });
});
