import { mkdtempSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../src/compiler';
import { exportXliff, importXliff, readXliff } from '../../src/translate';
import { allTypesWorkshop } from '../workshop/helpers';
import { copyCourse, deleteLanguageFiles } from './helpers';

/** Blocks, facilitator notes and an activity in both languages of the all-types fixture. */
const BLOCKS = (lang: string) => `
::: note title="Remember **this** (${lang})"
A note body (${lang}) with [a link](#choices).
:::

::: accordion
## First item (${lang})
Body one (${lang}).
## Second item (${lang})
Body two (${lang}).
:::

::: quote by="Ban Ki-moon" source="UN, 2013 (${lang})"
Migration is an expression of the human aspiration for dignity (${lang}).
:::

\`\`\`facilitator
- Ask the group (${lang}): **five minutes**.
\`\`\`
`;

async function zips(course: string): Promise<Map<string, Buffer>> {
  const out = mkdtempSync(path.join(tmpdir(), 'cp-translate-dist-'));
  const result = await build(course, out, { languages: ['fr'], targets: ['web', 'scorm12'] });
  return new Map(await Promise.all(result.files.map(async (f) => [path.basename(f), await fs.readFile(f)] as const)));
}

describe('syntax other engineers added: blocks, facilitator notes, activities, workshop.yaml', () => {
  it('gives their text as units (never block names or ids) and round-trips the French byte for byte', async () => {
    const withBlocks = (lang: string) => (t: string) => t.replace(`\nSee [the choices page](#choices).`, `\nSee [the choices page](#choices).\n${BLOCKS(lang)}`);
    const course = allTypesWorkshop({});
    for (const lang of ['en', 'fr']) {
      const file = path.join(course, `lessons/basics.${lang}.md`);
      await fs.writeFile(file, withBlocks(lang)(await fs.readFile(file, 'utf8')));
    }
    const before = await zips(course);

    const { xml, units, translated } = await exportXliff(course, { lang: 'fr', format: 'xliff2' });
    expect(translated).toBe(units);
    const doc = readXliff(xml, 'x');
    const basics = doc.files.find((f) => f.original === 'lessons/basics.en.md')!;
    const text = (id: string) => basics.units.find((u) => u.id === id)?.target?.map((r) => (r.kind === 'text' ? r.text : `{${r.kind}}`)).join('');
    expect(text('welcome.b1.title')).toBe('Remember {open}this{close} (fr)');
    expect(text('welcome.b3.by')).toBe('Ban Ki-moon');
    expect(text('welcome.b3.source')).toBe('UN, 2013 (fr)');
    expect(text('welcome.h1')).toBe('First item (fr)');
    expect(text('welcome.facilitator1.li1')).toBe('Ask the group (fr): {open}five minutes{close}.');
    expect(text('warm-up.steps.1')).toBe('Introduce your partner (fr)');
    expect(text('warm-up.purpose')).toBe('Get everyone talking (fr)');
    expect(basics.units.map((u) => u.id).filter((id) => /accordion|note|quote|grouping|duration|\.id$/.test(id))).toEqual(['warm-up.grouping']);
    const workshop = doc.files.find((f) => f.original === 'workshop.yaml')!;
    expect(workshop.units.map((u) => [u.id, u.target?.[0]])).toEqual([
      ['deliveries.1.title', { kind: 'text', text: 'Court' }],
      // One string for every language is what French shows today.
      ['deliveries.1.sessions.1.title', { kind: 'text', text: 'One' }],
    ]);

    const xliff = path.join(path.dirname(course), 'fr.xlf');
    await fs.writeFile(xliff, xml);
    await deleteLanguageFiles(course, 'fr');
    await importXliff(course, xliff);
    const after = await zips(course);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, zip] of before) expect([name, after.get(name)!.equals(zip)]).toEqual([name, true]);
    expect(await fs.readFile(path.join(course, 'lessons/basics.fr.md'), 'utf8')).toContain('::: quote by="Ban Ki-moon" source="UN, 2013 (fr)"');
  });
});

describe('media blocks and captions (the Arabic media fixture)', () => {
  it('exports caption cues as units and round-trips Arabic, lesson and captions deleted, byte for byte', async () => {
    const course = copyCourse(path.join(__dirname, '..', 'fixtures', 'courses', 'media'));
    const before = await build(course, mkdtempSync(path.join(tmpdir(), 'cp-media-')), { languages: ['ar'], targets: ['web'] });
    const beforeZip = await fs.readFile(before.files[0]!);
    const { xml, units, translated } = await exportXliff(course, { lang: 'ar', format: 'xliff2' });
    expect(translated).toBe(units);
    const captions = readXliff(xml, 'x').files.find((f) => f.original === 'media/clip.en.vtt')!;
    expect(captions.units.map((u) => u.id)).toEqual(['cue1', 'cue2']);
    expect(captions.units[0]!.source).toEqual([{ kind: 'text', text: '[tone] The test pattern appears.' }]);

    const xliff = path.join(path.dirname(course), 'ar.xlf');
    await fs.writeFile(xliff, xml);
    await deleteLanguageFiles(course, 'ar');
    await fs.rm(path.join(course, 'media/clip.ar.vtt'));
    const imported = await importXliff(course, xliff);
    expect(imported.written).toEqual(expect.arrayContaining(['lessons/media.ar.md', 'media/clip.ar.vtt']));
    const after = await build(course, mkdtempSync(path.join(tmpdir(), 'cp-media-')), { languages: ['ar'], targets: ['web'] });
    expect((await fs.readFile(after.files[0]!)).equals(beforeZip)).toBe(true);
  });
});
