import { writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import sharp from 'sharp';
import { syntheticPhoto } from '../../src/bench/synthetic-photo';
import { compile, type CompileResult } from '../../src/compiler';
import { validateXml } from '../../src/conformance';
import { ContentError } from '../../src/diagnostics';
import { courseCopy, lineOf } from './helpers';

jest.setTimeout(120_000); // image encoding is CPU work; a loaded 2-core machine needs the room

const basics = 'lessons/basics.en.md';
const photos = '![A photo of a field](../media/field.jpg)\n\n![A second photo](../media/field.jpg)\n\n![A logo with transparency](../media/mark.png)\n\n';
let dir: string;
let first: CompileResult;

beforeAll(async () => {
  dir = courseCopy({ [basics]: (t) => t.replace('See [the choices page]', `${photos}See [the choices page]`) });
  writeFileSync(path.join(dir, 'media', 'field.jpg'), await syntheticPhoto(1280, 853));
  writeFileSync(path.join(dir, 'media', 'mark.png'), await sharp({ create: { width: 300, height: 100, channels: 4, background: { r: 0, g: 84, b: 138, alpha: 0.6 } } }).png().toBuffer());
  first = await compile(dir, { targets: ['scorm12', 'scorm2004', 'web'] });
});

async function entries(target: string, lang = 'en') {
  return JSZip.loadAsync(first.packages.find((p) => p.target === target && p.lang === lang)!.zip);
}

describe('the media stage', () => {
  test('images become <picture> with WebP widths, a fallback, width/height, and lazy loading after the first', async () => {
    const html = await (await entries('web')).file('index.html')!.async('string');
    const page = html.slice(html.indexOf('id="cp-page-welcome"'), html.indexOf('</template>', html.indexOf('id="cp-page-welcome"')));
    const pictures = page.match(/<picture>.*?<\/picture>/g) ?? [];
    expect(pictures).toHaveLength(3);
    expect(pictures[0]).toContain('<source type="image/webp" srcset="cp-media/media/field-480.webp 480w, cp-media/media/field-800.webp 800w, cp-media/media/field-1280.webp 1280w"');
    expect(pictures[0]).toContain('src="cp-media/media/field-800.jpg"');
    expect(pictures[0]).toContain('width="1280" height="853" alt="A photo of a field"');
    // The fixture's SVG dot comes first on the page, so even the first photo is lazy; the SVG is not.
    expect(page).toMatch(/<img src="media\/dot.svg" width="\d+" height="\d+" alt="A blue dot">/);
    for (const p of pictures) expect(p).toContain('loading="lazy"');
    expect(pictures[2]).toContain('src="cp-media/media/mark-300.png"');
  });

  test('the package ships the variants, not the original photo, and the manifests list them and validate', async () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
    for (const target of ['scorm12', 'scorm2004'] as const) {
      const zip = await entries(target);
      const names = Object.keys(zip.files);
      expect(names).toEqual(expect.arrayContaining(['cp-media/media/field-480.webp', 'cp-media/media/field-800.webp', 'cp-media/media/field-1280.webp', 'cp-media/media/field-800.jpg', 'cp-media/media/mark-300.webp', 'cp-media/media/mark-300.png', 'media/dot.svg']));
      expect(names).not.toContain('media/field.jpg');
      const xml = await zip.file('imsmanifest.xml')!.async('string');
      const listed = [].concat(parser.parse(xml).manifest.resources.resource.file).map((f: { href: string }) => f.href);
      expect(listed).toEqual(expect.arrayContaining(names.filter((n) => n.startsWith('cp-media/'))));
      expect((await validateXml(target, xml)).errors).toEqual([]);
    }
  });

  test('the same course gives byte-identical zips', async () => {
    const again = await compile(dir, { targets: ['scorm12', 'scorm2004', 'web'] });
    expect(again.packages.map((p) => p.zip.toString('base64'))).toEqual(first.packages.map((p) => p.zip.toString('base64')));
  });
});

describe('media mistakes are positioned errors', () => {
  async function errorsOf(course: string) {
    const error = await compile(course, { targets: ['web'] }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).diagnostics.filter((d) => d.severity === 'error');
  }

  test('an image that cannot be decoded, on the image file', async () => {
    const course = courseCopy({ [basics]: (t) => t.replace('See [the choices page]', '![A broken photo](../media/broken.jpg)\n\nSee [the choices page]') });
    writeFileSync(path.join(course, 'media', 'broken.jpg'), 'not a jpeg');
    expect(await errorsOf(course)).toEqual([expect.objectContaining({ rule: 'media/unreadable-image', file: expect.stringContaining(path.join('media', 'broken.jpg')), line: 1, column: 1 })]);
  });

  test('an image on another host (the package must work offline)', async () => {
    const course = courseCopy({ [basics]: (t) => t.replace('See [the choices page]', '![A remote photo](https://example.org/a.jpg)\n\nSee [the choices page]') });
    expect(await errorsOf(course)).toEqual([expect.objectContaining({ rule: 'media/external', line: lineOf(course, basics, 'example.org'), hint: expect.stringContaining('media/') })]);
  });
});
