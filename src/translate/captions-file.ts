import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SourceSet } from '../compiler/load/source';
import type { TranslatableFile } from './course-files';
import type { Segmented, Slot } from './slots';
import { plainOf, type Run, type Unit } from './unit';

/** WebVTT cue tags (<i>, <b>, <v Speaker>, timestamps) become codes; the rest is text. */
function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let n = 0;
  for (const part of text.split(/(<[^>]*>)/)) {
    if (part.startsWith('<')) runs.push({ kind: 'ph', id: String(++n), type: 'code', data: part });
    else if (part) runs.push({ kind: 'text', text: part });
  }
  return runs;
}

/**
 * Captions (WebVTT) a video block names: one unit per cue, its text; the header, cue ids, timings
 * and settings stay in the skeleton, so a translation keeps the source's timing.
 */
export function segmentCaptions(text: string, file: string): Segmented {
  const units: Unit[] = [];
  const slots: Slot[] = [];
  const blocks = /(^|\n\n)([^\n][\s\S]*?)(?=\n\n|\n?$)/g;
  let cue = 0;
  for (const m of text.matchAll(blocks)) {
    const block = m[2]!;
    const start = m.index! + m[1]!.length;
    const lines = block.split('\n');
    const timing = lines.findIndex((l) => l.includes('-->'));
    if (timing < 0 || timing + 1 >= lines.length) continue;
    const head = lines.slice(0, timing + 1).join('\n').length + 1;
    const cueText = lines.slice(timing + 1).join('\n');
    const id = `cue${++cue}`;
    units.push({ id, runs: runsOf(cueText), notes: [`Caption ${cue} (${lines[timing]!.trim()}) — ${file}; keep it as short as the source: it is read while the video plays`] });
    slots.push({ start: start + head, end: start + block.length, fill: (lookup) => plainOf(lookup(id)).replace(/\n{2,}/g, '\n').replace(/-->/g, '->') });
  }
  return { units, slots };
}

/** Course-relative captions files named by `captions="…"` in a lesson (relative to the lesson). */
export function captionsIn(lessonText: string, lessonFile: string): string[] {
  return [...lessonText.matchAll(/\bcaptions=["']([^"']+)["']/g)].map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(lessonFile), m[1]!)));
}

export async function captionsFile(source: SourceSet, relative: string, targetPath: (lang: string) => string): Promise<TranslatableFile | undefined> {
  const absolute = source.files.get(relative);
  if (!absolute) return undefined;
  const read = (p: string) => fs.readFile(p, 'utf8').then((t) => t.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const text = await read(absolute);
  const { units, slots } = segmentCaptions(text, relative);
  const translations = new Map<string, Map<string, Run[]>>();
  for (const [rel, abs] of source.files) {
    if (rel === relative || !rel.endsWith('.vtt')) continue;
    translations.set(rel, new Map(segmentCaptions(await read(abs), rel).units.map((u) => [u.id, u.runs])));
  }
  return { kind: 'captions', path: relative, text, units, slots, targetPath, existing: (lang) => translations.get(targetPath(lang)) };
}
