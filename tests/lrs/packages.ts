import path from 'node:path';
import JSZip from 'jszip';
import { compile } from '../../src/compiler';
import type { CourseData } from '../../src/contract/course-data';
import type { TargetId } from '../../src/schema';

/** The default course, the one `coursepack build` ships first. */
export const DEFAULT_COURSE = path.join(__dirname, '..', '..', 'courses', 'un-migration-cca-cf');

export interface BuiltPackage {
  zip: Buffer;
  data: CourseData;
  /** Text of a top-level file of the package (tincan.xml, cmi5.xml). */
  file(name: string): Promise<string>;
}

/** Builds one language of the default course for a target, in memory, as `coursepack build` would. */
export async function buildDefaultCourse(target: TargetId, lang = 'en'): Promise<BuiltPackage> {
  const { packages } = await compile(DEFAULT_COURSE, { targets: [target], languages: [lang] });
  const zip = packages[0]!.zip;
  const archive = await JSZip.loadAsync(zip);
  const file = async (name: string) => {
    const entry = archive.file(name);
    if (!entry) throw new Error(`${name} is not in the ${target} package`);
    return entry.async('string');
  };
  const html = await file('index.html');
  const json = /<script type="application\/json" id="cp-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (!json) throw new Error('the package has no course data');
  return { zip, data: JSON.parse(json) as CourseData, file };
}
