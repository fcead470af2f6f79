import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { commands, main } from '../../src/cli/main';
import { ALL_TYPES, courseCopy } from '../compiler/helpers';

function sink(): Writable & { text: string } {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      stream.text += chunk.toString();
      done();
    },
  }) as Writable & { text: string };
  stream.text = '';
  return stream;
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = sink();
  const err = sink();
  const code = await main(argv, out, err);
  return { code, out: out.text, err: err.text };
}

const scratch = () => mkdtempSync(path.join(tmpdir(), 'cp-cli-'));

describe('CLI conventions, the same for every command', () => {
  test('--version prints the package version and exits 0', async () => {
    const version = (JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
    for (const flag of ['--version', '-v']) expect(await run(flag)).toEqual({ code: 0, out: `coursepack ${version}\n`, err: '' });
  });

  test.each(commands.map((c) => c.name))('coursepack %s --help prints its usage and options, exit 0', async (name) => {
    const { code, out, err } = await run(name, '--help');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toContain(`Usage: coursepack ${name}`);
    expect(out).toContain('--help');
    expect(out).toContain('Exit status');
  });

  test('every option a command declares appears in its --help and in the README table', async () => {
    const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    for (const command of commands) {
      const { out } = await run(command.name, '--help');
      for (const option of Object.keys(command.options)) {
        expect(out).toContain(`--${option}`);
        expect(readme).toMatch(new RegExp(`\\| \`coursepack ${command.name}[^\\n]*--${option}`));
      }
    }
  });

  test.each([
    [['build', '--nope'], "Unknown option '--nope'"],
    [['build', '--target'], "Option '--target <value>' argument missing"],
    [['preview', '--port', 'x'], '--port must be a port number'],
    [['init'], 'missing the folder to create'],
    [['validate'], 'missing package path'],
    [['validate', '--strict', 'a.zip'], "Unknown option '--strict'"],
  ])('usage error %j exits 2 with the message and the usage line', async (argv, message) => {
    const { code, out, err } = await run(...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(message);
    expect(err).toContain(`usage: coursepack ${argv[0]}`);
  });

  test('unknown command and no command exit 2', async () => {
    expect((await run('bulid')).code).toBe(2);
    expect((await run()).code).toBe(2);
  });

  test('--target with an unknown value is a usage error naming every choice; nothing is built', async () => {
    const out = scratch();
    const { code, err } = await run('build', ALL_TYPES, '--target', 'scorm12,scorm3', '--out', out);
    expect(code).toBe(2);
    expect(err).toContain('unknown --target "scorm3" (choose from scorm12, scorm2004, xapi, cmi5, web, slides, guide, handouts)');
    expect(readdirSync(out)).toEqual([]);
  });

  test('--lang with a language the course lacks is a usage error naming its languages', async () => {
    const out = scratch();
    const { code, err } = await run('build', ALL_TYPES, '--lang', 'de', '--out', out);
    expect(code).toBe(2);
    expect(err).toContain('unknown --lang "de" (choose from en, fr)');
    expect(readdirSync(out)).toEqual([]);
  });

  test('content errors exit 1 and write nothing', async () => {
    const dir = courseCopy({ 'course.yaml': (t) => t.replace('masteryScore: 75', 'masteryScore: 175') });
    const out = scratch();
    const { code, err } = await run('build', dir, '--out', out, '--target', 'web');
    expect(code).toBe(1);
    expect(err).toMatch(/course\.yaml:\d+:\d+ {2}error: /);
    expect(readdirSync(out)).toEqual([]);
  });

  test('build accepts the current folder as the course', async () => {
    const dir = courseCopy();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const { code, out } = await run('build', '--target', 'web', '--lang', 'en', '--out', 'out');
      expect(code).toBe(0);
      expect(out).toContain('.: 1 package(s)');
      expect(existsSync(path.join(dir, 'out', 'all-types-en-web.zip'))).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  test('build --json prints the packages and the diagnostics for CI', async () => {
    const out = scratch();
    const ok = await run('build', ALL_TYPES, '--target', 'scorm12', '--lang', 'fr', '--out', out, '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toEqual({
      ok: true,
      courses: [expect.objectContaining({ course: ALL_TYPES, ok: true, diagnostics: [], packages: [expect.objectContaining({ target: 'scorm12', lang: 'fr', bytes: expect.any(Number), bookmark: expect.objectContaining({ limit: 4096 }) })] })],
    });
    const dir = courseCopy({ 'course.yaml': (t) => t.replace('masteryScore: 75', 'masteryScore: 175') });
    const bad = await run('build', dir, '--out', out, '--json');
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.out) as { ok: boolean; courses: { diagnostics: { rule: string; line: number }[]; packages: unknown[] }[] };
    expect(report.ok).toBe(false);
    expect(report.courses[0]!.packages).toEqual([]);
    expect(report.courses[0]!.diagnostics[0]).toMatchObject({ severity: 'error', line: expect.any(Number), rule: expect.any(String) });
  });
});

describe('interface strings for a language Coursepack does not ship', () => {
  function germanCourse(strings?: string): string {
    const dir = courseCopy({ 'course.yaml': (t) => t.replace('languages: [en, fr]', 'languages: [en, de]').replace('fr: Tous les types de questions', 'de: Alle Fragetypen') });
    for (const f of readdirSync(path.join(dir, 'lessons')).filter((f) => f.endsWith('.en.md'))) {
      cpSync(path.join(dir, 'lessons', f), path.join(dir, 'lessons', f.replace('.en.md', '.de.md')));
    }
    if (strings !== undefined) {
      cpSync(path.join(dir, 'handouts', 'basics.en.md'), path.join(dir, 'handouts', 'basics.de.md'));
      require('node:fs').mkdirSync(path.join(dir, 'strings'));
      writeFileSync(path.join(dir, 'strings', 'de.yaml'), strings);
    }
    return dir;
  }

  test('without strings/de.yaml the build fails naming the file and every key', async () => {
    const { code, err } = await run('build', germanCourse(), '--target', 'web', '--out', scratch());
    expect(code).toBe(1);
    expect(err).toContain('language "de" has no interface strings');
    expect(err).toContain('create strings/de.yaml with the keys skipToContent, contents,');
    expect(err).toContain('[strings/missing-file]');
  });

  test('a strings file missing keys names them; a lost placeholder is an error on its line', async () => {
    const { code, err } = await run('build', germanCourse('next: Weiter\npageOf: Seite {n}\n'), '--target', 'web', '--out', scratch());
    expect(code).toBe(1);
    expect(err).toMatch(/strings\/de\.yaml:1:1 {2}error: strings\/de\.yaml lacks \d+ interface string\(s\): skipToContent, contents/);
    expect(err).toMatch(/strings\/de\.yaml:2:1 {2}error: "pageOf" lost the placeholder \{total\}/);
  });

  test('a complete strings file gives German buttons', async () => {
    const en = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'src', 'i18n', 'en.json'), 'utf8')) as Record<string, string>;
    const yaml = Object.entries({ ...en, next: 'Weiter', submit: 'Absenden' }).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n');
    const out = scratch();
    const { code, err } = await run('build', germanCourse(yaml), '--target', 'web', '--lang', 'de', '--out', out);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(readFileSync(path.join(out, 'all-types-de-web.zip')));
    const html = await zip.file('index.html')!.async('string');
    expect(html).toContain('Weiter');
    expect(html).toContain('Absenden');
  });
});
