import path from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main';
import { fixture, tempDir, zipFolder } from './helpers';

async function run(...args: string[]): Promise<{ code: number; output: string }> {
  let output = '';
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      output += chunk.toString();
      done();
    },
  });
  const code = await main(['validate', ...args], out, out);
  return { code, output };
}

describe('coursepack validate', () => {
  it('exits 0 for a valid package and says so', async () => {
    const { code, output } = await run(fixture('scorm2004-valid'));
    expect(code).toBe(0);
    expect(output).toContain('SCORM 2004 package');
    expect(output).toMatch(/\nValid\.\n$/);
  });

  it('exits 1 for an invalid package, grouping findings by severity with where, rule and hint', async () => {
    const { code, output } = await run(fixture('scorm12-bad-identifierref'));
    expect(code).toBe(1);
    expect(output).toContain(
      [
        'Errors (1)',
        '  imsmanifest.xml:14  [bad-identifierref]',
        '    item "item-1" points to "sco-9", which is not a resource in the manifest',
        '    hint: Use the identifier of a <resource>: "sco-1".',
      ].join('\n'),
    );
    expect(output).toMatch(/Invalid: 1 error\.\n$/);
  });

  it('prints warnings without failing', async () => {
    const { code, output } = await run(fixture('scorm2004-no-completion-set-by-content'));
    expect(code).toBe(0);
    expect(output).toContain('Warnings (1)\n  imsmanifest.xml:17  [completion-set-by-content]');
    expect(output).toContain('Valid (1 warning).');
  });

  it('--json prints the report for CI', async () => {
    const temp = await tempDir();
    try {
      const zip = await temp.write('course.zip', await zipFolder(fixture('cmi5-missing-au')));
      const { code, output } = await run(zip, '--json');
      expect(code).toBe(1);
      expect(JSON.parse(output)).toEqual({
        input: zip,
        standard: 'cmi5',
        ok: false,
        findings: [expect.objectContaining({ severity: 'error', rule: 'missing-launch-file', where: 'cmi5.xml:7' })],
      });
    } finally {
      await temp.cleanup();
    }
  });

  it('exits 2 with a clear message, and no stack trace, for unreadable input', async () => {
    const input = fixture('not-a-zip.zip');
    const { code, output } = await run(input);
    expect(code).toBe(2);
    expect(output).toContain(`coursepack validate: ${input} is not a zip file`);
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('exits 2 with a JSON error for unreadable input under --json', async () => {
    const { code, output } = await run('--json', fixture('not-a-zip.zip'));
    expect(code).toBe(2);
    expect(JSON.parse(output)).toEqual(expect.objectContaining({ ok: false, error: expect.objectContaining({ rule: 'not-a-zip' }) }));
  });

  it.each([[[]], [['--strict', 'a.zip']]])('exits 2 on bad usage %j', async (args) => {
    const { code, output } = await run(...args);
    expect(code).toBe(2);
    expect(output).toContain('usage: coursepack validate');
  });

  it('checks several packages in one run; the exit status is the worst of them', async () => {
    const { code, output } = await run(fixture('scorm2004-valid'), fixture('scorm12-bad-identifierref'));
    expect(code).toBe(1);
    expect(output).toContain('SCORM 2004 package');
    expect(output).toContain('Invalid: 1 error.');
    const json = await run('--json', fixture('scorm2004-valid'), fixture('scorm12-bad-identifierref'));
    expect((JSON.parse(json.output) as { ok: boolean }[]).map((r) => r.ok)).toEqual([true, false]);
  });

  it('a course source folder is told to build it first', async () => {
    const course = path.join(__dirname, '..', 'fixtures', 'courses', 'all-types');
    const { code, output } = await run(course);
    expect(code).toBe(1);
    expect(output).toContain('[course-source]');
    expect(output).toContain(`hint: build it first: coursepack build ${course}`);
  });

  it('--help prints usage and exits 0', async () => {
    const { code, output } = await run('--help');
    expect(code).toBe(0);
    expect(output).toContain('Exit status for validate: 0 every package valid, 1 some package invalid, 2 unreadable input or usage error.');
  });
});
