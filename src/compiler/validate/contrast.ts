/** WCAG 2.1 relative luminance contrast between two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The colour mixed toward white in steps until it reaches `ratio` on `background`: the primary
 * colour's tint for the dark scheme, so links and buttons keep AA contrast there too.
 */
export function tintFor(hex: string, background: string, ratio = 4.5): string {
  const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  for (let step = 0; step <= 20; step++) {
    const mixed = `#${rgb.map((c) => Math.round(c + ((255 - c) * step) / 20).toString(16).padStart(2, '0')).join('')}`;
    if (contrastRatio(mixed, background) >= ratio) return mixed;
  }
  return '#ffffff';
}
