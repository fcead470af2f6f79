import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compile } from '../../src/compiler';
import { ContentError, type Diagnostic } from '../../src/diagnostics';
import { courseCopy } from '../compiler/helpers';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
export const ARABIC = path.join(FIXTURES, 'courses', 'arabic');
export const FLAGSHIP = path.join(__dirname, '..', '..', 'courses', 'un-migration-cca-cf');

/** A copy of the Arabic fixture course with a workshop: facilitator notes, an activity, one delivery. */
export function arabicWorkshop(): string {
  const kit = readFileSync(path.join(FIXTURES, 'workshop', 'arabic-basics-kit.md'), 'utf8');
  const dir = courseCopy({ 'lessons/basics.md': (t) => t.replace('\nانتقل إلى', `\n${kit}\nانتقل إلى`) }, ARABIC);
  writeFileSync(path.join(dir, 'workshop.yaml'), readFileSync(path.join(FIXTURES, 'workshop', 'arabic-workshop.yaml')));
  return dir;
}

/** The all-types fixture (en, fr) with an activity on its basics lesson and a small workshop.yaml. */
export const ACTIVITY = (lang: string, duration = 15) => `
\`\`\`activity
id: warm-up
title: Warm-up (${lang})
purpose: Get everyone talking (${lang})
duration: ${duration}
grouping: pairs
steps: [Introduce your partner (${lang})]
\`\`\`
`;

export const WORKSHOP = `deliveries:
  - id: short
    title: { en: Short, fr: Court }
    mode: remote
    sessions:
      - title: One
        start: "09:00"
        duration: 30
        items:
          - lesson: basics
            duration: 10
          - activity: warm-up
          - break: 5
`;

export function allTypesWorkshop(edits: Record<string, (text: string) => string> = {}, workshop = WORKSHOP): string {
  const withActivity = (lang: string) => (t: string) => t.replace('\n# Choices', `\n${ACTIVITY(lang)}\n# Choices`);
  const dir = courseCopy({ 'lessons/basics.en.md': withActivity('en'), 'lessons/basics.fr.md': withActivity('fr'), ...edits });
  writeFileSync(path.join(dir, 'workshop.yaml'), workshop);
  return dir;
}

export async function diagnosticsOf(dir: string, targets = ['web'] as const): Promise<Diagnostic[]> {
  try {
    return (await compile(dir, { targets: [...targets] })).diagnostics;
  } catch (error) {
    if (error instanceof ContentError) return error.diagnostics;
    throw error;
  }
}

const BIN = path.join(__dirname, '..', '..', 'bin', 'coursepack.js');

/** `coursepack build <dir> --target … [--lang …]` into a fresh folder, which it returns. */
export function cli(dir: string, targets: string, lang?: string): string {
  const out = mkdtempSync(path.join(tmpdir(), 'cp-kit-'));
  execFileSync(process.execPath, [BIN, 'build', dir, '--target', targets, '--out', out, ...(lang ? ['--lang', lang] : [])], { stdio: 'pipe' });
  return out;
}
