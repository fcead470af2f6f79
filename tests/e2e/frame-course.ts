import { courseCopy } from '../compiler/helpers';

/**
 * A scratch copy of a fixture course with lines added to its course.yaml (the frame options under
 * test) and, optionally, to the front matter of its "basics" lesson (both files of all-types).
 */
export function courseWith(fixture: string, yaml: string, lessonFront = ''): string {
  const front = (t: string) => t.replace(/^---\n/, `---\n${lessonFront}\n`);
  const lessons: Record<string, (t: string) => string> = lessonFront ? { 'lessons/basics.en.md': front, 'lessons/basics.fr.md': front } : {};
  return courseCopy({ 'course.yaml': (t) => `${t}\n${yaml}\n`, ...lessons }, fixture);
}

/** Learning objectives for the first lesson (front matter). */
export const OBJECTIVES = 'objectives: [{ id: o1, text: Answer each question type }, { id: o2, text: Read the feedback }]';

/** The frame options every frame test uses: texts, a contact, in English and French. */
export const FRAME_YAML = `description: { en: "Try every kind of question once.", fr: "Essayez chaque type de question." }
organization: { en: Coursepack test team, fr: Équipe de test Coursepack }
theme: { coverImage: media/dot.svg }
frame:
  welcome: { text: { en: "**Disclaimer:** a test course.", fr: "**Avertissement :** un cours de test." } }
  certificate: { signature: { en: Issued by the test team, fr: Délivré par l’équipe de test } }
  accessibility: { contact: { en: "Write to [access@example.org](mailto:access@example.org).", fr: "Écrivez à [access@example.org](mailto:access@example.org)." } }`;
