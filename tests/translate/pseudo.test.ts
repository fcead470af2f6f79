import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { build } from '../../src/compiler';
import { exportXliff, importPseudo, PSEUDO_LANG, PSEUDO_RTL_LANG, readXliff } from '../../src/translate';
import { plainOf } from '../../src/translate/unit';
import { copyCourse, FLAGSHIP } from './helpers';

const SHOWCASE = path.join(__dirname, '..', '..', 'courses', 'showcase');
const courses = [FLAGSHIP, ...(existsSync(SHOWCASE) ? [SHOWCASE] : [])];

async function indexHtml(course: string, lang: string): Promise<string> {
  const out = mkdtempSync(path.join(tmpdir(), 'cp-pseudo-'));
  const { files } = await build(course, out, { languages: [lang], targets: ['web'] });
  const zip = await JSZip.loadAsync(await import('node:fs').then((fs) => fs.readFileSync(files[0]!)));
  return zip.file('index.html')!.async('string');
}

describe('pseudo-localisation', () => {
  it('makes every string accented and about 30 % longer, codes and {placeholders} kept', async () => {
    const { xml } = await exportXliff(FLAGSHIP, { lang: PSEUDO_LANG, format: 'xliff2', pseudo: true });
    const units = readXliff(xml, 'x').files.flatMap((f) => f.units);
    const length = (key: 'source' | 'target') => units.reduce((n, u) => n + plainOf(u[key]!.filter((r) => r.kind === 'text')).length, 0);
    expect(length('target') / length('source')).toBeGreaterThan(1.25);
    expect(length('target') / length('source')).toBeLessThan(1.4);
    expect(units.every((u) => u.target && u.target.filter((r) => r.kind !== 'text').length === u.source.filter((r) => r.kind !== 'text').length)).toBe(true);
    expect(units.find((u) => u.id === 'pageOf')?.target).toEqual(expect.arrayContaining([{ kind: 'ph', id: '1', type: 'var', data: '{n}' }]));
  });

  it.each(courses.map((c) => [path.basename(c), c]))('%s builds in the pseudo language, left to right and right to left, with no English left', async (_name, from) => {
    const course = copyCourse(from);
    await importPseudo(course);
    const html = await indexHtml(course, PSEUDO_LANG);
    expect(html).toContain('lang="qps-ploc"');
    expect(html).toMatch(/⟦[^⟧]*ɱ[^⟧]*⟧/);
    // Every word of visible text is pseudo: no unaccented English word of 5+ letters outside markup.
    // Inline SVG diagrams are drawn from media/<name>.<lang>.svg, whose text XLIFF does not carry
    // yet (open in issue 13): the pseudo build shows the source language's diagram.
    const visible = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '').replace(/<svg[\s\S]*?<\/svg>/g, '').replace(/<[^>]+>/g, ' ');
    expect(visible.match(/\b(?=[a-z]*[aeiou])[A-Za-z]{5,}\b/g) ?? []).toEqual([]);

    await importPseudo(course, true);
    expect(await indexHtml(course, PSEUDO_RTL_LANG)).toMatch(/<html[^>]*dir="rtl"/);
  });
});
