import { promises as fs } from 'node:fs';
import path from 'node:path';
import { TEMPLATE_DIR } from '../compiler/render/templates';
import { parseCommand, UsageError, type CommandSpec } from './args';

export const initCommand: CommandSpec = {
  name: 'init',
  synopsis: '<dir>',
  summary: 'scaffolds a small working course in a new folder, the folder name as course id',
  options: {},
  run: (args, { out, err }) => runInit(args, out, err),
};

/** Copies templates/starter into a new folder, with the folder's name as course id. */
async function runInit(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { positionals } = parseCommand(initCommand, args);
  const [dir] = positionals;
  if (!dir || positionals.length > 1) throw new UsageError(dir ? 'one folder at a time' : 'missing the folder to create');
  const target = path.resolve(dir);
  const existing = await fs.readdir(target).catch(() => undefined);
  if (existing && existing.length > 0) {
    err.write(`coursepack init: ${dir} already exists and is not empty; choose a new folder\n`);
    return 1;
  }
  await fs.cp(path.join(TEMPLATE_DIR, 'starter'), target, { recursive: true });
  const id = path.basename(target).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'my-course';
  const yamlPath = path.join(target, 'course.yaml');
  const yaml = await fs.readFile(yamlPath, 'utf8');
  const schema = path.relative(target, path.join(TEMPLATE_DIR, '..', 'schemas', 'course.schema.json')).split(path.sep).join('/');
  await fs.writeFile(yamlPath, yaml.replace(/^id: my-course$/m, `id: ${id}`).replace(/\$schema=\S+/, `$schema=${schema}`));
  out.write(`Created ${dir}: course.yaml, lessons/welcome.md, lessons/quiz.md\nNext: coursepack build ${dir}\n`);
  return 0;
}
