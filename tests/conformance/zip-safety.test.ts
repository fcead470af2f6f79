import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { checkPackage, PackageUnreadableError } from '../../src/conformance';
import { errors, findings, fixture, tempDir, zipFolder } from './helpers';

let temp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  temp = await tempDir();
});
afterAll(() => temp.cleanup());

const zipOf = async (name: string, data: Buffer): Promise<string> => temp.write(name, data);

async function unreadable(input: string, limits = {}): Promise<PackageUnreadableError> {
  const failure = await checkPackage(input, { limits }).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(failure).toBeInstanceOf(PackageUnreadableError);
  return failure as PackageUnreadableError;
}

describe('hostile or broken zip entries', () => {
  it('reports zip-slip entries by name and never treats them as package files', async () => {
    const zip = await zipOf('slip.zip', await zipFolder(fixture('scorm12-valid'), { extra: { '../../evil.sh': 'rm -rf ~', '/etc/cron.d/job': 'x' } }));
    const report = await checkPackage(zip);
    expect(report.ok).toBe(false);
    expect(findings(report, 'zip-slip').map((f) => f.where)).toEqual(['../../evil.sh', '/etc/cron.d/job']);
    expect(findings(report, 'unlisted-file')).toEqual([]);
  });

  it('reports entries that differ only in letter case', async () => {
    const zip = await zipOf('clash.zip', await zipFolder(fixture('scorm12-valid'), { extra: { 'Index.html': '<p>old</p>' } }));
    const report = await checkPackage(zip);
    expect(report.ok).toBe(false);
    expect(findings(report, 'case-clash')).toEqual([
      expect.objectContaining({ severity: 'error', where: 'Index.html', message: expect.stringContaining('"Index.html" and "index.html" differ only in letter case') }),
    ]);
  });

  it('reports an href whose letter case differs from the stored file', async () => {
    const source = new JSZip();
    const folder = fixture('scorm12-valid');
    source.file('imsmanifest.xml', await fs.readFile(path.join(folder, 'imsmanifest.xml')));
    source.file('Index.html', await fs.readFile(path.join(folder, 'index.html')));
    source.file('js/app.js', await fs.readFile(path.join(folder, 'js/app.js')));
    const report = await checkPackage(await zipOf('case.zip', await source.generateAsync({ type: 'nodebuffer' })));
    expect(errors(report)).toEqual([
      expect.objectContaining({ rule: 'case-mismatch', where: 'imsmanifest.xml:21', message: 'resource "sco-1" href "index.html" is "Index.html" in the package (letter case differs)' }),
    ]);
  });

  it('reports symbolic links and backslash paths', async () => {
    const zip = await zipOf(
      'links.zip',
      await zipFolder(fixture('scorm12-valid'), { symlinks: { 'js/lib.js': '/etc/passwd' }, extra: { 'media\\intro.mp4': 'x' } }),
    );
    const report = await checkPackage(zip);
    expect(errors(report).map((f) => [f.rule, f.where])).toEqual([
      ['backslash-path', 'media\\intro.mp4'],
      ['symlink', 'js/lib.js'],
    ]);
  });

  it('names a manifest zipped inside its folder', async () => {
    const zip = await zipOf('nested.zip', await zipFolder(fixture('scorm2004-valid'), { prefix: 'fire-safety/' }));
    const report = await checkPackage(zip);
    expect(report.standard).toBe('unknown');
    expect(errors(report)).toEqual([expect.objectContaining({ rule: 'descriptor-not-at-root', where: 'fire-safety/imsmanifest.xml' })]);
  });

  it('notes operating-system junk without calling it unlisted', async () => {
    const zip = await zipOf('junk.zip', await zipFolder(fixture('scorm12-valid'), { extra: { '__MACOSX/._index.html': 'x', '.DS_Store': 'x' } }));
    const report = await checkPackage(zip);
    expect(report.ok).toBe(true);
    expect(findings(report, 'os-junk')).toEqual([expect.objectContaining({ severity: 'info', where: '__MACOSX/._index.html' })]);
    expect(findings(report, 'unlisted-file')).toEqual([]);
  });

  it('warns about a zip above the large-package size', async () => {
    const zip = await zipOf('big.zip', await zipFolder(fixture('scorm12-valid')));
    const report = await checkPackage(zip, { limits: { largeZipBytes: 100 } });
    expect(findings(report, 'large-zip')).toEqual([expect.objectContaining({ severity: 'warning', where: zip })]);
  });
});

describe('unreadable input gives a clear error, not a report', () => {
  it('not a zip', async () => {
    const input = fixture('not-a-zip.zip');
    const err = await unreadable(input);
    expect([err.rule, err.where, err.message]).toEqual(['not-a-zip', input, `${input} is not a zip file`]);
  });

  it('a truncated zip', async () => {
    const whole = await zipFolder(fixture('scorm12-valid'));
    const input = await zipOf('truncated.zip', whole.subarray(0, Math.floor(whole.length / 2)));
    const err = await unreadable(input);
    expect(err.rule).toBe('truncated-zip');
    expect(err.message).toMatch(/damaged or incomplete zip/);
  });

  it('a zip bomb: declared uncompressed size over the limit', async () => {
    const bomb = new JSZip();
    bomb.file('imsmanifest.xml', '<manifest/>');
    bomb.file('padding.bin', Buffer.alloc(20 * 1024 * 1024));
    const input = await zipOf('bomb.zip', await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect((await fs.stat(input)).size).toBeLessThan(100 * 1024);
    const err = await unreadable(input, { maxTotalBytes: 10 * 1024 * 1024 });
    expect(err.rule).toBe('zip-bomb');
    expect(err.message).toContain('would expand to 20.0 MB');
  });

  it('an entry that decompresses beyond the read cap, whatever its header says', async () => {
    const input = await zipOf('cap.zip', await zipFolder(fixture('scorm12-valid')));
    const err = await unreadable(input, { maxReadBytes: 200 });
    expect([err.rule, err.where]).toEqual(['file-too-large', 'imsmanifest.xml']);
  });

  it('too many entries', async () => {
    const input = await zipOf('many.zip', await zipFolder(fixture('scorm12-valid')));
    expect((await unreadable(input, { maxEntries: 2 })).rule).toBe('too-many-entries');
  });

  it('a path that does not exist', async () => {
    const err = await unreadable(path.join(fixture(''), 'no-such-package.zip'));
    expect(err.rule).toBe('input-not-found');
  });
});
