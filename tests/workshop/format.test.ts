import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { compile } from '../../src/compiler';
import { ALL_TYPES, courseCopy, lineOf } from '../compiler/helpers';
import { ACTIVITY, allTypesWorkshop, cli, diagnosticsOf, WORKSHOP } from './helpers';

const basics = 'lessons/basics.en.md';

describe('facilitator notes and activities', () => {
  test('are in the model and never in the e-learning pages', async () => {
    const note = '```facilitator\nAsk the room: who has used a CCA? (secret-note)\n```\n';
    const dir = allTypesWorkshop({ 'lessons/basics.en.md': (t) => t.replace('\n# Choices', `\n${note}${ACTIVITY('en')}\n# Choices`) });
    const { models, packages } = await compile(dir, { targets: ['web'], languages: ['en'] });
    const welcome = models[0]!.pages.find((p) => p.id === 'welcome')!;
    expect(welcome.notes).toEqual(['Ask the room: who has used a CCA? (secret-note)\n']);
    expect(models[0]!.activities.map((a) => [a.spec.id, a.pageId])).toEqual([['warm-up', 'welcome']]);
    const zip = await JSZip.loadAsync(packages[0]!.zip);
    const html = await zip.file('index.html')!.async('string');
    expect(html).toContain('Welcome (en)');
    expect(html).not.toContain('secret-note');
    expect(html).not.toContain('Warm-up');
  });

  // pptxgenjs loads node:fs with a dynamic import, which jest's module sandbox refuses: the decks are
  // built by the real CLI (build/), as a designer would.
  test('e-learning zips are byte-identical with or without the workshop kit and its source', async () => {
    const plain = cli(ALL_TYPES, 'scorm12,cmi5');
    const dir = allTypesWorkshop({ 'lessons/basics.en.md': (t) => t.replace('\n# Choices', `\n\`\`\`facilitator\nA note.\n\`\`\`\n${ACTIVITY('en')}\n# Choices`) });
    const withKit = cli(dir, 'scorm12,cmi5,handouts,guide,slides');
    expect(readdirSync(withKit).sort()).toEqual([
      'all-types-en-cmi5.zip', 'all-types-en-guide.docx', 'all-types-en-handouts.docx', 'all-types-en-scorm12.zip', 'all-types-en-slides-short.pptx',
      'all-types-fr-cmi5.zip', 'all-types-fr-guide.docx', 'all-types-fr-handouts.docx', 'all-types-fr-scorm12.zip', 'all-types-fr-slides-short.pptx',
    ]);
    for (const zip of readdirSync(plain)) expect(readFileSync(path.join(withKit, zip)).equals(readFileSync(path.join(plain, zip)))).toBe(true);
  });

  test('the kit is deterministic: same source, same bytes', async () => {
    const dir = allTypesWorkshop();
    const a = cli(dir, 'slides,guide,handouts', 'fr');
    await new Promise((r) => setTimeout(r, 1100)); // a second later: any clock in the files would show
    const b = cli(dir, 'slides,guide,handouts', 'fr');
    expect(readdirSync(a)).toHaveLength(3);
    for (const file of readdirSync(a)) expect(readFileSync(path.join(a, file)).equals(readFileSync(path.join(b, file)))).toBe(true);
  });

  test('a bad activity is a positioned schema error', async () => {
    const dir = allTypesWorkshop({ 'lessons/basics.en.md': (t) => t.replace('\n# Choices', `\n${ACTIVITY('en').replace('duration: 15', 'duration: soon')}\n# Choices`) });
    const errors = (await diagnosticsOf(dir)).filter((d) => d.severity === 'error');
    expect(errors).toContainEqual(expect.objectContaining({ rule: 'schema/invalid', file: expect.stringContaining('basics.en.md'), line: lineOf(dir, basics, 'duration: soon') }));
  });

  test('duplicate activity ids and translations that differ', async () => {
    const twice = (lang: string) => (t: string) => t.replace('\n# Choices', `\n${ACTIVITY(lang)}${ACTIVITY(lang)}\n# Choices`).replace('\n# True or false', `\n${ACTIVITY(lang)}\n# True or false`);
    const dir = allTypesWorkshop({ 'lessons/basics.en.md': twice('en'), 'lessons/basics.fr.md': (t) => t.replace('\n# Choices', `\n${ACTIVITY('fr', 20)}\n# Choices`) });
    const rules = (await diagnosticsOf(dir)).map((d) => d.rule);
    expect(rules).toContain('id/duplicate-activity');
    expect(rules).toContain('translation/activities-differ');
  });
});

describe('workshop.yaml', () => {
  test('a valid workshop is timed: start times follow the items', async () => {
    const { models, diagnostics } = await compile(allTypesWorkshop(), { targets: ['web'] });
    expect(diagnostics).toEqual([]);
    const fr = models.find((m) => m.lang === 'fr')!.workshop!;
    expect(fr.deliveries[0]!.title).toBe('Court');
    expect(fr.deliveries[0]!.sessions[0]!.items.map((i) => [i.start, i.minutes, i.title])).toEqual([
      ['09:00', 10, 'Basics (fr)'],
      ['09:10', 15, 'Warm-up (fr)'],
      ['09:25', 5, 'Pause'],
    ]);
    expect(fr.deliveries[0]!.sessions[0]!.end).toBe('09:30');
  });

  test('a session whose items run over its duration is a warning, not an error', async () => {
    const dir = allTypesWorkshop({}, WORKSHOP.replace('break: 5', 'break: 15'));
    const { diagnostics } = await compile(dir, { targets: ['web'] });
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', rule: 'workshop/session-overrun', line: lineOf(dir, 'workshop.yaml', 'duration: 30') })]);
    expect(diagnostics[0]!.message).toContain('40 minutes, over its 30');
  });

  test('unknown lessons, pages and activities, and activities left out, are positioned errors', async () => {
    const yaml = WORKSHOP.replace('- lesson: basics\n            duration: 10', '- lesson: basix\n          - lesson: more\n            pages: [match, nope]').replace('activity: warm-up', 'activity: warm-down');
    const dir = allTypesWorkshop({}, yaml);
    const errors = (await diagnosticsOf(dir)).filter((d) => d.severity === 'error');
    const at = (needle: string) => lineOf(dir, 'workshop.yaml', needle);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'workshop/unknown-lesson', line: at('basix') }),
        expect.objectContaining({ rule: 'workshop/unknown-page', line: at('lesson: more') }),
        expect.objectContaining({ rule: 'workshop/no-duration', line: at('lesson: more') }),
        expect.objectContaining({ rule: 'workshop/unknown-activity', line: at('warm-down') }),
      ]),
    );
  });

  test('a delivery that covers a lesson must place its activities', async () => {
    const dir = allTypesWorkshop({}, WORKSHOP.replace('          - activity: warm-up\n', ''));
    const errors = (await diagnosticsOf(dir)).filter((d) => d.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ rule: 'workshop/activity-not-placed', line: lineOf(dir, 'workshop.yaml', 'id: short') })]);
    expect(errors[0]!.message).toContain('"warm-up"');
  });

  test('schema errors and missing translations point at their line', async () => {
    const dir = allTypesWorkshop({}, WORKSHOP.replace('start: "09:00"', 'start: "9am"').replace('fr: Court', 'es: Corto'));
    const errors = (await diagnosticsOf(dir)).filter((d) => d.severity === 'error');
    expect(errors).toContainEqual(expect.objectContaining({ rule: 'schema/invalid', line: lineOf(dir, 'workshop.yaml', '9am') }));
    const dir2 = allTypesWorkshop({}, WORKSHOP.replace('fr: Court', 'es: Corto'));
    expect(await diagnosticsOf(dir2)).toContainEqual(expect.objectContaining({ rule: 'workshop/missing-translation', line: lineOf(dir2, 'workshop.yaml', 'es: Corto') }));
  });

  test('slides and guide need a workshop.yaml; handouts do not', async () => {
    const dir = courseCopy();
    const errors = await diagnosticsOf(dir, ['slides'] as never);
    expect(errors).toEqual([expect.objectContaining({ rule: 'target/no-workshop', file: expect.stringContaining('course.yaml') })]);
    const { documents } = await compile(dir, { targets: ['handouts'], languages: ['en'] });
    expect(documents.map((d) => d.fileName)).toEqual(['all-types-en-handouts.docx']);
    expect(readFileSync(path.join(dir, 'course.yaml'), 'utf8')).toContain('all-types');
  });
});
