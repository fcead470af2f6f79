import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A private copy of a fixture course with lines added to its course.yaml (the frame options under
 * test); `lesson` front matter lines go into the first lesson file of each language.
 */
export async function courseWith(fixture: string, yaml: string, lessonFront = ''): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'coursepack-frame-'));
  await fs.cp(fixture, dir, { recursive: true });
  await fs.appendFile(path.join(dir, 'course.yaml'), `\n${yaml}\n`);
  if (lessonFront) {
    for (const file of await fs.readdir(path.join(dir, 'lessons'))) {
      if (!file.startsWith('basics')) continue;
      const p = path.join(dir, 'lessons', file);
      await fs.writeFile(p, (await fs.readFile(p, 'utf8')).replace(/^---\n/, `---\n${lessonFront}\n`));
    }
  }
  return dir;
}

/** Learning objectives for the first lesson (front matter). */
export const OBJECTIVES = 'objectives: [{ id: o1, text: Answer each question type }, { id: o2, text: Read the feedback }]';

/** The frame options every frame test uses: texts, a contact, in English and French. */
export const FRAME_YAML = `description: { en: "Try every kind of question once.", fr: "Essayez chaque type de question." }
organization: { en: Coursepack test team, fr: Équipe de test Coursepack }
frame:
  welcome: { text: { en: "**Disclaimer:** a test course.", fr: "**Avertissement :** un cours de test." } }
  certificate: { signature: { en: Issued by the test team, fr: Délivré par l’équipe de test } }
  accessibility: { contact: { en: "Write to [access@example.org](mailto:access@example.org).", fr: "Écrivez à [access@example.org](mailto:access@example.org)." } }`;
