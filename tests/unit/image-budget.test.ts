import sharp from 'sharp';
import { syntheticPhoto } from '../../src/bench/synthetic-photo';
import { encodeImage, ladderFor } from '../../src/compiler/media/encode-image';

jest.setTimeout(120_000); // image encoding is CPU work; a loaded 2-core machine needs the room

const BUDGET_800 = 150_000;

describe('images are resized and re-encoded at build time', () => {
  let photo: Buffer;
  beforeAll(async () => {
    photo = await syntheticPhoto(1280, 853);
  });

  test('a 1280 px photo ships at most 150 KB at 800 px wide, in WebP and in the JPEG fallback', async () => {
    const image = await encodeImage(photo);
    const at800 = image.modern.find((v) => v.width === 800)!;
    expect(at800.bytes.length).toBeLessThanOrEqual(BUDGET_800);
    expect(image.fallback).toMatchObject({ width: 800, height: 533, format: 'jpeg' });
    expect(image.fallback.bytes.length).toBeLessThanOrEqual(BUDGET_800);
    // The variant really is an 800 px WebP, smaller than the source.
    expect(await sharp(at800.bytes).metadata()).toMatchObject({ format: 'webp', width: 800, height: 533 });
    expect(at800.bytes.length).toBeLessThan(photo.length / 2);
  });

  test('the same image gives the same bytes (zips stay byte-identical)', async () => {
    const [a, b] = await Promise.all([encodeImage(photo), encodeImage(Buffer.from(photo))]);
    expect(b.modern.map((v) => v.bytes.toString('base64'))).toEqual(a.modern.map((v) => v.bytes.toString('base64')));
    expect(b.fallback.bytes.equals(a.fallback.bytes)).toBe(true);
  });

  test('widths: the ladder below the source, then the source itself; never enlarged', () => {
    expect(ladderFor(1280)).toEqual([480, 800, 1280]);
    expect(ladderFor(500)).toEqual([500]);
    expect(ladderFor(900)).toEqual([480, 900]);
    expect(ladderFor(4000)).toEqual([480, 800, 1200, 1600]);
  });

  test('EXIF orientation is applied: a portrait phone photo keeps its portrait size', async () => {
    const rotated = await sharp(photo).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const image = await encodeImage(rotated);
    expect(image).toMatchObject({ width: 853, height: 1280 });
    expect(await sharp(image.fallback.bytes).metadata()).toMatchObject({ width: 800, height: 1200 });
  });

  test('a PNG with transparency keeps it: WebP with alpha, PNG fallback', async () => {
    const png = await sharp({ create: { width: 600, height: 300, channels: 4, background: { r: 0, g: 84, b: 138, alpha: 0.5 } } }).png().toBuffer();
    const image = await encodeImage(png);
    expect(image.fallback.format).toBe('png');
    expect((await sharp(image.modern[0]!.bytes).metadata()).hasAlpha).toBe(true);
  });
});
