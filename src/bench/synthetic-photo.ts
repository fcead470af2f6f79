import sharp from 'sharp';

/** Small seeded PRNG (mulberry32): the same seed draws the same photo on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fractal value noise in 0..1 for one channel: octaves from `from` to `to` cells across. */
function noiseField(width: number, height: number, rand: () => number, from: number, to: number, falloff: number): Float32Array {
  const field = new Float32Array(width * height);
  const smooth = (t: number) => t * t * (3 - 2 * t);
  let total = 0;
  for (let cells = from; cells <= to; cells *= 2) {
    const rows = Math.ceil((cells * height) / width) + 2;
    const grid = Float32Array.from({ length: (cells + 2) * rows }, rand);
    const amplitude = cells ** -falloff;
    total += amplitude;
    for (let y = 0; y < height; y++) {
      const gy = (y / width) * cells;
      const iy = Math.floor(gy);
      const fy = smooth(gy - iy);
      for (let x = 0; x < width; x++) {
        const gx = (x / width) * cells;
        const ix = Math.floor(gx);
        const fx = smooth(gx - ix);
        const at = (i: number, j: number) => grid[j * (cells + 2) + i]!;
        const top = at(ix, iy) * (1 - fx) + at(ix + 1, iy) * fx;
        const bottom = at(ix, iy + 1) * (1 - fx) + at(ix + 1, iy + 1) * fx;
        field[y * width + x]! += (top * (1 - fy) + bottom * fy) * amplitude;
      }
    }
  }
  return field.map((v) => v / total);
}

/**
 * A photo-like JPEG, as a test input for the image budget: a sky-to-ground gradient with fractal
 * colour variation, soft-edged objects, fine texture (foliage, fabric) that is strong in some regions
 * and absent in others, and sensor grain; saved at quality 90 as a camera or phone export would be.
 * Flat test images compress far better than photos and would flatter the budget.
 */
export async function syntheticPhoto(width = 1280, height = 853, seed = 7): Promise<Buffer> {
  const rand = random(seed);
  const shapes: string[] = [];
  for (let i = 0; i < 40; i++) {
    const [x, y, r] = [rand() * width, height * (0.35 + rand() * 0.65), 10 + rand() ** 2 * width * 0.12];
    const rgb = [40 + rand() * 180, 40 + rand() * 160, 30 + rand() * 120].map(Math.round).join(',');
    shapes.push(`<ellipse cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" rx="${r.toFixed(1)}" ry="${(r * (0.4 + rand())).toFixed(1)}" fill="rgb(${rgb})"/>`);
  }
  const scene = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="s" x2="0" y2="1"><stop offset="0" stop-color="#5b8fd0"/><stop offset=".45" stop-color="#cfe0ee"/><stop offset=".5" stop-color="#7f8f5a"/><stop offset="1" stop-color="#4a5a2e"/></linearGradient><filter id="b"><feGaussianBlur stdDeviation="1.5"/></filter></defs><rect width="100%" height="100%" fill="url(#s)"/><g filter="url(#b)">${shapes.join('')}</g></svg>`;
  const { data } = await sharp(Buffer.from(scene)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  // Low frequencies are drawn at an eighth of the size and scaled up smoothly: same look, 64× less work.
  const [w8, h8] = [Math.ceil(width / 8), Math.ceil(height / 8)];
  const low = [0, 1, 2, 3].map((i) => noiseField(w8, h8, rand, i < 3 ? 2 : 3, i < 3 ? 64 : 12, i < 3 ? 0.8 : 1));
  const planes = Uint8Array.from({ length: w8 * h8 * 4 }, (_, k) => Math.round(low[k % 4]![Math.floor(k / 4)]! * 255));
  const scaled = await sharp(planes, { raw: { width: w8, height: h8, channels: 4 } })
    .resize(width, height, { kernel: 'cubic', fit: 'fill' })
    .raw()
    .toBuffer();
  const texture = noiseField(width, height, rand, 256, 512, 0);
  for (let p = 0; p < width * height; p++) {
    const detail = (texture[p]! - 0.5) * 120 * Math.max(0, scaled[p * 4 + 3]! / 255 - 0.4) * 2;
    for (let c = 0; c < 3; c++) {
      const v = data[p * 3 + c]! + (scaled[p * 4 + c]! / 255 - 0.5) * 70 + detail + (rand() - 0.5) * 12;
      data[p * 3 + c] = Math.max(0, Math.min(255, Math.round(v)));
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}
