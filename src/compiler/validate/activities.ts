import { activitySchema, type ActivitySpec } from '../../schema';
import type { Diagnostics } from '../../diagnostics';
import type { ParsedActivity, ParsedLesson } from './parsed';
import { checkSchema, parseLocatedYaml } from './yaml';

/** Parses and checks one ```activity block whose YAML starts at `firstLine`, like a question block. */
export function validateActivity(yamlText: string, file: string, firstLine: number, diagnostics: Diagnostics): ActivitySpec | undefined {
  const yaml = parseLocatedYaml(yamlText, file, firstLine, diagnostics);
  if (!yaml) return undefined;
  if (yaml.value === null || typeof yaml.value !== 'object') {
    diagnostics.error(file, firstLine, 'activity/empty', 'activity block holds no fields', 'give at least id, title, purpose, duration, grouping and steps');
    return undefined;
  }
  return checkSchema(activitySchema, yaml, file, 'activity', diagnostics);
}

export const activitiesOf = (lesson: ParsedLesson): ParsedActivity[] =>
  lesson.pages.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'activity' ? [b.activity] : [])));

/** An activity's objectives are ids from its own lesson's front matter. */
export function checkActivityObjectives(lessons: readonly ParsedLesson[], diagnostics: Diagnostics): void {
  for (const lesson of lessons) {
    const known = lesson.front.objectives.map((o) => o.id);
    for (const a of activitiesOf(lesson)) {
      for (const id of a.spec.objectives ?? []) {
        if (!known.includes(id)) diagnostics.error(lesson.file.display, a.line, 'activity/unknown-objective', `activity "${a.spec.id}": lesson "${lesson.id}" has no objective "${id}"`, known.length ? `its objectives: ${known.join(', ')}` : 'list the lesson\'s objectives in its front matter first');
      }
    }
  }
}
