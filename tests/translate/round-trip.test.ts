import { promises as fs } from 'node:fs';
import path from 'node:path';
import { exportXliff, importXliff } from '../../src/translate';
import { copyCourse, deleteLanguageFiles, zipsOf } from './helpers';

describe('French round trip through XLIFF (flagship course as it is at this commit)', () => {
  it.each(['xliff2', 'xliff12'] as const)('%s: export with today\'s French as targets, delete the French, import, build: byte-identical zips', async (format) => {
    const course = copyCourse();
    const before = await zipsOf(course, 'fr');
    expect(before.size).toBe(5);

    const exported = await exportXliff(course, { lang: 'fr', format });
    expect(exported.units).toBeGreaterThan(1000);
    expect(exported.translated).toBe(exported.units);
    expect(exported.skippedPages).toEqual([]);
    const xliff = path.join(path.dirname(course), `fr.${format}.xlf`);
    await fs.writeFile(xliff, exported.xml);

    const deleted = await deleteLanguageFiles(course, 'fr');
    expect(deleted.length).toBeGreaterThanOrEqual(10);
    const imported = await importXliff(course, xliff);
    expect(imported.drafted).toBe(0);
    expect(imported.written).toEqual(expect.arrayContaining(deleted));

    const after = await zipsOf(course, 'fr');
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, zip] of before) expect([name, after.get(name)!.equals(zip)]).toEqual([name, true]);
  });
});
