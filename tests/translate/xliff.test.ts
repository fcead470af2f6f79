import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { validateXml } from '../../src/conformance/xsd';
import { ContentError } from '../../src/diagnostics';
import { exportXliff, importXliff, readXliff, translationStatus } from '../../src/translate';
import { copyCourse, FLAGSHIP } from './helpers';

const units = (xml: string) => readXliff(xml, 'x.xlf').files.reduce((n, f) => n + f.units.length, 0);

describe('XLIFF export of the flagship course', () => {
  it.each([
    ['xliff2', 'xliff20'],
    ['xliff12', 'xliff12'],
  ] as const)('%s validates against the OASIS core schema (libxml2)', async (format, schema) => {
    const { xml, units: count } = await exportXliff(FLAGSHIP, { lang: 'fr', format });
    expect(await validateXml(schema, xml)).toEqual({ valid: true, errors: [] });
    expect(units(xml)).toBe(count);
  });

  it('the OASIS schema check does reject a broken export (so the pass above means something)', async () => {
    const { xml } = await exportXliff(FLAGSHIP, { lang: 'fr', format: 'xliff2' });
    const result = await validateXml('xliff20', xml.replace('<segment state="translated">', '<segment state="done">'));
    expect(result.valid).toBe(false);
    expect(result.errors[0]!.message).toContain("'done'");
  });

  it("Debian's translate-toolkit (pocount) reads every unit of the XLIFF 1.2 export", async () => {
    const { xml, units: count } = await exportXliff(FLAGSHIP, { lang: 'fr', format: 'xliff12' });
    const file = path.join(path.dirname(copyCourse()), 'fr.xlf');
    await fs.writeFile(file, xml);
    const report = execFileSync('pocount', ['--csv', file], { encoding: 'utf8' });
    const row = report.trim().split('\n').at(-1)!.split(',').map((c) => c.trim());
    // --csv: Filename, Translated Messages, …, Total Message (9th column), …
    expect(Number(row[1])).toBe(count);
    expect(Number(row[8])).toBe(count);
  });

  it('gives page-, block- and question-based unit ids, notes with the correct answer, and inline codes', async () => {
    const { xml } = await exportXliff(FLAGSHIP, { lang: 'fr', format: 'xliff2' });
    const lesson = readXliff(xml, 'x').files.find((f) => f.original === 'lessons/why-migration.en.md')!;
    const ids = lesson.units.map((u) => u.id);
    expect(ids).toEqual(expect.arrayContaining(['title', 'handouts.1.title', 'why-intro.title', 'why-intro.p1', 'why-intro.li1', 'why-intro.t1.r0c1', 'why-q1.prompt', 'why-q1.pairs.1.target', 'why-sc1.options.1.consequence']));
    expect(xml).toMatch(/<note category="context">Question "why-sc1" \(scenario\)<\/note>\s*<note category="context">option 1 \(the best decision\): text<\/note>/);
    expect(xml).toContain('<pc id="1" dataRefStart="d1" dataRefEnd="d1" type="fmt" subType="xlf:b">Kaliland (a fictional country)</pc>');
  });
});

describe('import refuses what would break the course', () => {
  async function exported(format: 'xliff2' | 'xliff12') {
    const course = copyCourse();
    const { xml } = await exportXliff(course, { lang: 'fr', format });
    return { course, xml, file: path.join(path.dirname(course), `fr-${format}.xlf`) };
  }
  const errorsOf = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).diagnostics;
  };

  it.each(['xliff2', 'xliff12'] as const)('%s: a damaged inline code is refused with the unit id and the XLIFF line; nothing is written', async (format) => {
    const { course, xml, file } = await exported(format);
    const unit = format === 'xliff2' ? '<unit id="why-intro.p3">' : '<trans-unit id="why-intro.p3"';
    const at = xml.indexOf(unit);
    const targetAt = xml.indexOf('<target', at);
    const end = xml.indexOf('</target>', targetAt);
    const broken = format === 'xliff2'
      ? xml.slice(0, targetAt) + xml.slice(targetAt, end).replace(/<pc id="1"[^>]*>([^<]*)<\/pc>/, '<ph id="1" dataRef="d1"/>$1') + xml.slice(end)
      : xml.slice(0, targetAt) + xml.slice(targetAt, end).replace(/<ept id="1">\*\*<\/ept>/, '') + xml.slice(end);
    await fs.writeFile(file, broken);
    const before = await fs.readFile(path.join(course, 'lessons/why-migration.fr.md'), 'utf8');
    const errors = await errorsOf(importXliff(course, file));
    const line = broken.slice(0, targetAt).split('\n').length;
    expect(errors).toEqual([expect.objectContaining({ rule: 'translate/damaged-code', line, file: expect.stringContaining(`fr-${format}.xlf`) })]);
    expect(errors[0]!.message).toContain('unit "why-intro.p3" (lessons/why-migration.en.md)');
    expect(await fs.readFile(path.join(course, 'lessons/why-migration.fr.md'), 'utf8')).toBe(before);
  });

  it('a link removed from a target is refused as a missing code', async () => {
    const { course, xml, file } = await exported('xliff2');
    const at = xml.indexOf('<unit id="why-lnob.p1">');
    const targetAt = xml.indexOf('<target>', at);
    const end = xml.indexOf('</target>', targetAt);
    const target = xml.slice(targetAt, end).replace(/<pc id="2"[^>]*>([^<]*)<\/pc>/, '$1');
    await fs.writeFile(file, xml.slice(0, targetAt) + target + xml.slice(end));
    const errors = await errorsOf(importXliff(course, file));
    expect(errors.map((e) => e.message)).toEqual(['unit "why-lnob.p1" (lessons/why-migration.en.md): inline code 2 (link) is missing']);
  });

  it('a missing target is refused; --draft imports the source text and counts it', async () => {
    const { course, xml, file } = await exported('xliff2');
    const at = xml.indexOf('<unit id="why-intro.p2">');
    const targetAt = xml.indexOf('<target>', at);
    const end = xml.indexOf('</target>', targetAt) + '</target>'.length;
    await fs.writeFile(file, xml.slice(0, targetAt) + xml.slice(end));
    const errors = await errorsOf(importXliff(course, file));
    expect(errors).toEqual([expect.objectContaining({ rule: 'translate/missing-target', message: 'unit "why-intro.p2" (lessons/why-migration.en.md) has no translation' })]);
    const result = await importXliff(course, file, { draft: true });
    expect(result.drafted).toBe(1);
    const french = await fs.readFile(path.join(course, 'lessons/why-migration.fr.md'), 'utf8');
    expect(french).toContain('This first lesson explains why migration belongs in UN country programming.');
    const [fr] = await translationStatus(course, ['fr']);
    expect(fr).toMatchObject({ missing: 1, outdated: 0, translated: fr!.units - 1 });
  });
});

describe('translate status', () => {
  it('editing one English sentence marks exactly that one unit outdated', async () => {
    const course = copyCourse();
    const { xml } = await exportXliff(course, { lang: 'fr', format: 'xliff2' });
    const file = path.join(path.dirname(course), 'fr.xlf');
    await fs.writeFile(file, xml);
    await importXliff(course, file);
    const [fresh] = await translationStatus(course);
    expect(fresh).toMatchObject({ lang: 'fr', tracked: true, missing: 0, outdated: 0, translated: fresh!.units });

    const english = path.join(course, 'lessons/gcm.en.md');
    const text = await fs.readFile(english, 'utf8');
    const sentence = /^[A-Z][^.\n]{20,}\./m.exec(text.split('\n---\n')[1]!)![0];
    await fs.writeFile(english, text.replace(sentence, `${sentence.slice(0, -1)}, as the designer now puts it.`));
    const [after] = await translationStatus(course);
    expect(after).toMatchObject({ outdated: 1, missing: 0, translated: fresh!.units - 1 });
    expect(after!.outdatedUnits).toHaveLength(1);
    expect(after!.outdatedUnits[0]).toMatch(/^lessons\/gcm\.en\.md#gcm-[\w-]+\.\w+$/);

    const again = await exportXliff(course, { lang: 'fr', format: 'xliff2' });
    expect(again.outdated).toBe(1);
  });
});
