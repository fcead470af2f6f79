/**
 * Scale: a 300-page course with 60 questions (a question every 5 pages, every type, fill-ins of 20
 * characters) still builds, and its SCORM 1.2 bookmark fits the standard's 4,096 characters.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSyntheticCourse } from '../../src/bench/synthetic-course';
import { compile } from '../../src/compiler';
import { writers } from '../../src/compiler/package';

jest.setTimeout(120000);

test('300 pages, 60 questions: builds every target, SCORM 1.2 worst case under 4,096', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'coursepack-scale-'));
  try {
    expect(await generateSyntheticCourse(dir, 300)).toEqual({ pages: 300, questions: 60 });
    const { models, packages } = await compile(dir);
    expect(models[0]!.pages).toHaveLength(300);
    expect(models[0]!.questions).toHaveLength(60);
    expect(packages.map((p) => p.target).sort()).toEqual(Object.keys(writers).sort());
    for (const p of packages) expect(p.zip.length).toBeGreaterThan(0);
    const scorm12 = packages.find((p) => p.target === 'scorm12')!;
    expect(scorm12.suspendData.limit).toBe(4096);
    expect(scorm12.suspendData.worstCase).toBeLessThan(4096);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
