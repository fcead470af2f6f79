import JSZip from 'jszip';
import { compile } from '../compiler';
import { SourceNotFound } from '../compiler/load/source';
import { writers } from '../compiler/package';
import type { CourseData } from '../contract/course-data';
import { ContentError, type Diagnostic } from '../diagnostics';
import type { TargetId } from '../schema';

/** One standard × language of the course, built in memory and unzipped, ready to serve. */
export interface BuiltCourse {
  gen: number;
  target: TargetId;
  lang: string;
  files: Map<string, Buffer>;
  data: CourseData;
  /** Every language of the course, source language first. */
  languages: string[];
  ms: number;
  suspendData: { worstCase: number; limit?: number };
  masteryScore?: number;
  /** cmi5.xml facts the LMS reads when it imports the course. */
  cmi5?: { publisherId: string; moveOn: string; masteryScore?: number };
  warnings: Diagnostic[];
}

export type BuildOutcome =
  | { ok: true; course: BuiltCourse }
  | { ok: false; gen: number; target: TargetId; lang?: string; ms: number; diagnostics: Diagnostic[]; message: string };

/** The course data the compiler embedded in index.html (CourseData, the runtime's contract). */
export function courseDataOf(html: string): CourseData | undefined {
  const json = /<script type="application\/json" id="cp-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
  return json ? (JSON.parse(json) as CourseData) : undefined;
}

function cmi5Facts(xml: string): BuiltCourse['cmi5'] {
  const au = /<au\b([^>]*)>/.exec(xml)?.[1] ?? '';
  const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(au)?.[1];
  const mastery = attr('masteryScore');
  return { publisherId: attr('id') ?? '', moveOn: attr('moveOn') ?? 'NotApplicable', masteryScore: mastery === undefined ? undefined : Number(mastery) };
}

async function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  const archive = await JSZip.loadAsync(zip);
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(archive.files)) if (!entry.dir) files.set(entry.name, await entry.async('nodebuffer'));
  return files;
}

/**
 * Compiles on demand, one standard and language at a time (a quarter of a second for a typical
 * course), never writing to disk. A change to the course bumps the generation and drops the cache;
 * requests for the same generation share one compile.
 */
export class Builds {
  gen = 1;
  /** Course languages, as the last successful compile saw them. */
  languages: string[] = [];
  private readonly cache = new Map<string, Promise<BuildOutcome>>();

  constructor(readonly courseDir: string) {}

  /** A file changed: the next request compiles again. */
  invalidate(): number {
    this.gen++;
    this.cache.clear();
    return this.gen;
  }

  /** The newest build of target × lang (lang: a course language; otherwise the source language). */
  async get(target: TargetId, lang?: string): Promise<BuildOutcome> {
    for (;;) {
      const gen = this.gen;
      const wanted = lang && (this.languages.length === 0 || this.languages.includes(lang)) ? lang : this.languages[0];
      const key = `${target}|${wanted ?? ''}`;
      let pending = this.cache.get(key);
      if (!pending) {
        pending = this.compile(gen, target, wanted);
        this.cache.set(key, pending);
      }
      const outcome = await pending;
      if (gen !== this.gen) continue; // the course changed while compiling: build the newer one
      if (outcome.ok && lang && outcome.course.lang !== lang && outcome.course.languages.includes(lang)) continue;
      return outcome;
    }
  }

  /** Compiles one language, or every language when none is known yet (each is cached). */
  private async compile(gen: number, target: TargetId, lang: string | undefined): Promise<BuildOutcome> {
    const started = Date.now();
    const fail = (diagnostics: Diagnostic[], message: string): BuildOutcome => ({ ok: false, gen, target, lang, ms: Date.now() - started, diagnostics, message });
    if (!writers[target]) return fail([], `the ${target} target is not available in this version of Coursepack`);
    try {
      let result = await compile(this.courseDir, { targets: [target], languages: lang ? [lang] : undefined });
      if (result.packages.length === 0) result = await compile(this.courseDir, { targets: [target] }); // language removed meanwhile
      const ms = Date.now() - started;
      const languages = [...result.models[0]!.languages];
      if (gen === this.gen) this.languages = languages;
      const outcomes: BuildOutcome[] = [];
      for (const [i, pkg] of result.packages.entries()) {
        const files = await unzip(pkg.zip);
        const data = courseDataOf(files.get('index.html')?.toString('utf8') ?? '');
        if (!data) throw new Error('the package has no course data (index.html without cp-data)');
        const cmi5Xml = files.get('cmi5.xml');
        const course: BuiltCourse = {
          gen,
          target,
          lang: pkg.lang,
          files,
          data,
          languages,
          ms,
          suspendData: pkg.suspendData,
          masteryScore: result.models[i]?.masteryScore,
          cmi5: cmi5Xml ? cmi5Facts(cmi5Xml.toString('utf8')) : undefined,
          warnings: result.diagnostics.filter((d) => d.severity === 'warning'),
        };
        outcomes.push({ ok: true, course });
        if (gen === this.gen && pkg.lang !== lang) this.cache.set(`${target}|${pkg.lang}`, Promise.resolve({ ok: true, course }));
      }
      return outcomes.find((o) => o.ok && o.course.lang === lang) ?? outcomes[0]!;
    } catch (error) {
      if (error instanceof ContentError) return fail(error.diagnostics, error.message);
      if (error instanceof SourceNotFound) return fail([], error.message);
      // A file read in the middle of an editor's save, or a compiler bug: say so in the page.
      return fail([], `the build failed: ${(error as Error).message}`);
    }
  }
}
